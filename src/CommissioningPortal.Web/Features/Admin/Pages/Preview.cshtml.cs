using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class PreviewModel(PortalDbContext db, ContentRenderer renderer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    public int Number { get; private set; }
    public string RevisionTitle { get; private set; } = "";

    /// <summary>Rendered exactly as the public page, so sanitised.</summary>
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        var latest = page.Latest!;
        (Number, RevisionTitle) = (latest.Number, latest.Title);
        // The preview's own h1 would clash with the page's; render the page's title as the only h1.
        ViewData["Title"] = latest.Title;
        Html = renderer.RenderPage(latest.Title, latest.Markdown, latest.CreatedAt);
        return Page();
    }
}
