using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class HistoryModel(PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    public string PageTitle { get; private set; } = "";
    public Guid? PublishedId { get; private set; }
    public IReadOnlyList<ContentPageRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        PageTitle = page.Latest!.Title;
        PublishedId = page.PublishedRevisionId;
        Revisions = page.Revisions.OrderByDescending(r => r.Number).ToList();
        return Page();
    }
}
