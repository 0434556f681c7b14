using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

[OneTimeForm]
public sealed class CreateModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the page's address")]
    public string? Slug { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a title"), StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the page's text")]
    public string? Markdown { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Slug = Slug?.Trim().ToLowerInvariant();
        if (Slug is not null && !ContentPage.IsValidSlug(Slug))
        {
            ModelState.AddModelError(nameof(Slug), "The address can only have lower-case letters, numbers and hyphens, and cannot start or end with a hyphen");
        }
        else if (Slug is not null && await db.ContentPages.AnyAsync(p => p.Slug == Slug, ct))
        {
            ModelState.AddModelError(nameof(Slug), "A page with this address already exists");
        }
        if (!ModelState.IsValid) return Page();

        var page = new ContentPage { Slug = Slug! };
        page.AddRevision(Title!, Markdown!, User.DisplayNameOf(), clock.GetUtcNow());
        db.ContentPages.Add(page);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Draft of '{Title}' saved. It is not published yet.";
        return Redirect($"/admin/pages/{page.Slug}/edit");
    }
}
