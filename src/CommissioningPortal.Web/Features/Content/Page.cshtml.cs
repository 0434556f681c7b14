
namespace CommissioningPortal.Web.Features.Content;

/// <summary>A published content page for everyone; 404 when unknown or unpublished.</summary>
public sealed class ContentPageModel(ContentPages pages) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public string Title { get; private set; } = "";

    /// <summary>Markdown already sanitised by <see cref="ContentRenderer"/>.</summary>
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (slug == "home") return Redirect("/");
        if (await pages.RenderPublishedAsync(slug, ct) is not { } page) return NotFound();
        (Title, Html) = page;
        return Page();
    }
}
