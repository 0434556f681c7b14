using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Content;

/// <summary>
/// A content page (home, "Your four SDS options", about, accessibility, privacy) edited by
/// administrators as Markdown. Every save is a new <see cref="ContentPageRevision"/>; the public
/// sees the published revision only. State changes only through the methods here.
/// </summary>
public sealed class ContentPage : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxSlugLength = 80;

    private readonly List<ContentPageRevision> _revisions = [];

    private ContentPage()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>URL segment, e.g. "your-four-sds-options"; "home" is the home page.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The revision the public sees; null while unpublished. (No navigation: keeps the
    /// page/revision pair free of a circular foreign key.)</summary>
    public Guid? PublishedRevisionId { get; private set; }

    public IReadOnlyList<ContentPageRevision> Revisions => _revisions;

    public int Version { get; set; }

    public bool IsPublished => PublishedRevisionId is not null;

    public ContentPageRevision? Latest => _revisions.MaxBy(r => r.Number);

    public ContentPageRevision? Published => _revisions.FirstOrDefault(r => r.Id == PublishedRevisionId);

    /// <summary>A new page with its first draft revision.</summary>
    /// <exception cref="ArgumentException">The slug, title or text has a <see cref="SlugProblem"/>, <see cref="TitleProblem"/> or <see cref="TextProblem"/>.</exception>
    public static ContentPage Create(string slug, string title, string markdown, string author, DateTimeOffset at)
    {
        if (SlugProblem(slug) is { } problem) throw new ArgumentException(problem, nameof(slug));
        var page = new ContentPage { Slug = slug };
        page.AddRevision(title, markdown, author, at);
        return page;
    }

    /// <summary>Adds a new draft revision with the next number.</summary>
    /// <exception cref="ArgumentException">The title or text has a <see cref="TitleProblem"/> or <see cref="TextProblem"/>.</exception>
    public ContentPageRevision AddRevision(string title, string markdown, string author, DateTimeOffset at)
    {
        if (TitleProblem(title) is { } titleProblem) throw new ArgumentException(titleProblem, nameof(title));
        if (TextProblem(markdown) is { } textProblem) throw new ArgumentException(textProblem, nameof(markdown));
        var revision = new ContentPageRevision(Id, _revisions.Count == 0 ? 1 : _revisions.Max(r => r.Number) + 1, title.Trim(), markdown, author, at);
        _revisions.Add(revision);
        return revision;
    }

    /// <summary>Restores an earlier revision as a new draft (history is never rewritten); null when there is no such revision.</summary>
    public ContentPageRevision? Restore(int number, string author, DateTimeOffset at) =>
        _revisions.FirstOrDefault(r => r.Number == number) is { } earlier ? AddRevision(earlier.Title, earlier.Markdown, author, at) : null;

    /// <summary>Makes revision <paramref name="number"/> the one the public sees; false when there is no such revision.</summary>
    public bool Publish(int number, DateTimeOffset at)
    {
        if (_revisions.FirstOrDefault(r => r.Number == number) is not { } revision) return false;
        PublishedRevisionId = revision.Id;
        revision.MarkPublished(at);
        return true;
    }

    public void Unpublish()
    {
        PublishedRevisionId = null;
    }

    public static bool IsValidSlug(string? slug) => SlugProblem(slug) is null;

    /// <summary>Why a page address cannot be used, or null.</summary>
    public static string? SlugProblem(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? "Enter the page's address"
        : slug.Length > MaxSlugLength ? $"The address must be {MaxSlugLength} characters or fewer"
        : !slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || slug.StartsWith('-') || slug.EndsWith('-')
            ? "The address can only have lower-case letters, numbers and hyphens, and cannot start or end with a hyphen"
            : null;

    /// <summary>Why a title cannot be used, or null.</summary>
    public static string? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Enter a title"
        : title.Trim().Length > MaxTitleLength ? $"The title must be {MaxTitleLength} characters or fewer"
        : null;

    /// <summary>Why a page's text cannot be used, or null.</summary>
    public static string? TextProblem(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "Enter the page's text" : null;
}

/// <summary>One saved version of a <see cref="ContentPage"/>; never changed after it is made, except to record when it was first published.</summary>
public sealed class ContentPageRevision
{
    private ContentPageRevision()
    {
    }

    internal ContentPageRevision(Guid pageId, int number, string title, string markdown, string author, DateTimeOffset createdAt)
    {
        PageId = pageId;
        Number = number;
        Title = title;
        Markdown = markdown;
        Author = author;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PageId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Markdown { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    internal void MarkPublished(DateTimeOffset at) => PublishedAt ??= at;
}
