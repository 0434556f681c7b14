using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Content;

/// <summary>
/// A content page (home, "Your four SDS options", about, accessibility, privacy) edited by
/// administrators as Markdown. Every save is a new <see cref="ContentPageRevision"/>; the public
/// sees the published revision only.
/// </summary>
public sealed class ContentPage : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>URL segment, e.g. "your-four-sds-options"; "home" is the home page.</summary>
    public required string Slug { get; set; }

    /// <summary>The revision the public sees; null while unpublished. (No navigation: keeps the
    /// page/revision pair free of a circular foreign key.)</summary>
    public Guid? PublishedRevisionId { get; set; }

    public List<ContentPageRevision> Revisions { get; set; } = [];

    public int Version { get; set; }

    public bool IsPublished => PublishedRevisionId is not null;

    public ContentPageRevision? Latest => Revisions.MaxBy(r => r.Number);

    public ContentPageRevision? Published => Revisions.FirstOrDefault(r => r.Id == PublishedRevisionId);

    /// <summary>Adds a new draft revision with the next number.</summary>
    public ContentPageRevision AddRevision(string title, string markdown, string author, DateTimeOffset at)
    {
        var revision = new ContentPageRevision
        {
            PageId = Id,
            Number = Revisions.Count == 0 ? 1 : Revisions.Max(r => r.Number) + 1,
            Title = title.Trim(),
            Markdown = markdown,
            Author = author,
            CreatedAt = at,
        };
        Revisions.Add(revision);
        return revision;
    }

    public void Publish(ContentPageRevision revision, DateTimeOffset at)
    {
        if (revision.PageId != Id) throw new InvalidOperationException("That revision belongs to another page.");
        PublishedRevisionId = revision.Id;
        revision.PublishedAt ??= at;
    }

    public void Unpublish()
    {
        PublishedRevisionId = null;
    }

    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrWhiteSpace(slug) && slug.Length <= 80 &&
        slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && !slug.StartsWith('-') && !slug.EndsWith('-');
}

public sealed class ContentPageRevision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PageId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public required string Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
