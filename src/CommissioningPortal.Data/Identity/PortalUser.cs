using Microsoft.AspNetCore.Identity;

namespace CommissioningPortal.Data.Identity;

/// <summary>
/// A person who signs in. Belongs to an authority (staff, panel members), a provider (provider
/// users) or neither (supported people and representatives, administrators).
/// </summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? AuthorityId { get; set; }
    public Guid? ProviderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code accepted: a code is accepted once, and
    /// never one older than the last (RFC 6238 §5.2).
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}
