using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Claims the portal adds to the sign-in cookie so pages need not look the user up.</summary>
public static class PortalClaims
{
    public const string DisplayName = "portal:name";
    public const string AuthorityId = "portal:authority_id";
    public const string AuthorityCode = "portal:authority";
    public const string ProviderId = "portal:provider_id";
    public const string TwoFactorEnabled = "portal:2fa";

    public static string? AuthorityCodeOf(this ClaimsPrincipal user) => user.FindFirstValue(AuthorityCode);

    public static Guid? AuthorityIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AuthorityId), out var id) ? id : null;

    public static Guid? ProviderIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ProviderId), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, PortalDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        if (user.AuthorityId is { } authorityId)
        {
            identity.AddClaim(new Claim(PortalClaims.AuthorityId, authorityId.ToString()));
            var code = await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.Code).FirstOrDefaultAsync();
            if (code is not null) identity.AddClaim(new Claim(PortalClaims.AuthorityCode, code));
        }
        if (user.ProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(PortalClaims.ProviderId, providerId.ToString()));
        }
        return identity;
    }
}
