using CommissioningPortal.Domain.Content;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class RevisionModel(PortalDbContext db, ContentRenderer renderer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Number { get; set; }
    [BindProperty] public int Version { get; set; }

    public ContentPageRevision Shown { get; private set; } = null!;

    /// <summary>The revision's body, sanitised (the heading is the page's own h1 above).</summary>
    public string Body { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page || page.Revisions.FirstOrDefault(r => r.Number == Number) is not { } revision) return NotFound();
        Shown = revision;
        Version = page.Version;
        Body = renderer.MarkdownToSafeHtml(revision.Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page || page.Revisions.FirstOrDefault(r => r.Number == Number) is not { } revision) return NotFound();
        var restored = page.AddRevision(revision.Title, revision.Markdown, User.DisplayNameOf(), clock.GetUtcNow());
        db.ContentPageRevisions.Add(restored);
        if (!await db.TrySaveAsync(page, Version, ct))
        {
            TempData["StatusMessage"] = "Someone else changed this page at the same time, so nothing was restored. Try again.";
            return Redirect($"/admin/pages/{Slug}/history");
        }
        TempData["StatusMessage"] = $"Revision {Number} restored as draft revision {restored.Number}.";
        return Redirect($"/admin/pages/{Slug}/edit");
    }
}
