namespace CommissioningPortal.Domain.Marketplace;

/// <summary>
/// A provider a signed-in person (a supported person, a representative or a practitioner) saved to
/// come back to. One row per person and provider.
/// </summary>
public sealed class ShortlistEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The signed-in person's user id.</summary>
    public required string UserId { get; set; }

    public Guid ProviderId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
