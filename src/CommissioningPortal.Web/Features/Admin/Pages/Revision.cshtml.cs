using CommissioningPortal.Domain.Content;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class RevisionModel(PortalDbContext db, ContentRenderer renderer, RestoreRevision restoreRevision) : PageModel
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
        var result = await restoreRevision.HandleAsync(new RestoreRevision.Input(Slug, Number, Version), Actor.Of(User), ct);
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TempData["StatusMessage"] = result.Errors[0].Message;
            return Redirect($"/admin/pages/{Slug}/history");
        }
        TempData["StatusMessage"] = result.Value;
        return Redirect($"/admin/pages/{Slug}/edit");
    }
}
