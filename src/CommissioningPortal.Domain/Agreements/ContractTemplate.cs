using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// An authority's agreement template: Markdown with Liquid merge fields, versioned. Drafts are
/// edited; publishing makes a version the one new agreements use. Published versions never change.
/// State changes only through the methods here; whether the Liquid is good is for the template
/// engine (CommissioningPortal.Documents) to say before a draft is saved.
/// </summary>
public sealed class ContractTemplate : IVersioned
{
    public const string PublishedCannotChange = "This version is published and cannot change. Start a new draft from the templates page.";

    private ContractTemplate()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }

    /// <summary>What it is for; "isf-agreement" for now.</summary>
    public string Kind { get; private set; } = "";

    public int Number { get; private set; }
    public string Markdown { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int Version { get; set; }

    public bool IsPublished => PublishedAt is not null;

    /// <summary>
    /// The authority's draft of <paramref name="kind"/>: the one already open (an authority edits one
    /// draft at a time), or a new one numbered after the newest version, starting from the newest
    /// version's text or, for the first, <paramref name="defaultMarkdown"/>. <paramref name="created"/> says which.
    /// </summary>
    public static ContractTemplate DraftFor(IEnumerable<ContractTemplate> existing, Guid authorityId, string kind, string defaultMarkdown, string by, DateTimeOffset at, out bool created)
    {
        var versions = existing.Where(t => t.AuthorityId == authorityId && t.Kind == kind).ToList();
        created = false;
        if (versions.FirstOrDefault(t => !t.IsPublished) is { } open) return open;
        created = true;
        var newest = versions.MaxBy(t => t.Number);
        return new ContractTemplate
        {
            AuthorityId = authorityId, Kind = kind, Number = (newest?.Number ?? 0) + 1,
            Markdown = newest?.Markdown ?? defaultMarkdown, CreatedAt = at, CreatedBy = by,
        };
    }

    /// <summary>Why this version's text cannot change, or null.</summary>
    public string? EditProblem => IsPublished ? PublishedCannotChange : null;

    /// <summary>Replaces a draft's text.</summary>
    /// <exception cref="InvalidOperationException">It is published (<see cref="EditProblem"/>).</exception>
    public void Edit(string markdown)
    {
        if (EditProblem is { } problem) throw new InvalidOperationException(problem);
        Markdown = markdown;
    }

    /// <summary>Makes this draft, with its final text, the version new agreements use; it never changes again.</summary>
    /// <exception cref="InvalidOperationException">It is published already (<see cref="EditProblem"/>).</exception>
    public void Publish(string markdown, DateTimeOffset at, string by)
    {
        Edit(markdown);
        PublishedAt = at;
        PublishedBy = by;
    }
}
