namespace CommissioningPortal.Domain.Marketplace;

/// <summary>
/// One service whose directory entry (the service, its tags, areas or rates) was added, changed or
/// removed, written in the same transaction as the change. Every portal node keeps the directory's
/// search index in memory and reads these to know which entries to reload (ADR 0024).
/// </summary>
public sealed class DirectoryChange
{
    /// <summary>Increasing with each change (an identity column on every provider).</summary>
    public long Id { get; set; }

    public Guid ServiceId { get; set; }
}
