using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// An authority's agreement template: Markdown with Liquid merge fields, versioned. Drafts are
/// edited; publishing makes a version the one new agreements use. Published versions never change.
/// </summary>
public sealed class ContractTemplate : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AuthorityId { get; set; }

    /// <summary>What it is for; "isf-agreement" for now.</summary>
    public required string Kind { get; set; }

    public int Number { get; set; }
    public required string Markdown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public int Version { get; set; }

    public bool IsPublished => PublishedAt is not null;
}
