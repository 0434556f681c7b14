
namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Title, string Address, string Status, DateTimeOffset LastEdited, string Author);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Csv.Bytes(["Title", "Address", "Status", "Last edited", "By"], await LoadAsync(ct),
            r => [r.Title, r.Address, r.Status, r.LastEdited, r.Author]), Csv.ContentType, "content-pages.csv");

    private async Task<List<Row>> LoadAsync(CancellationToken ct)
    {
        var pages = await db.ContentPages.AsNoTracking().Include(p => p.Revisions).ToListAsync(ct);
        return pages.Select(p =>
        {
            var latest = p.Latest!;
            var status = p.PublishedRevisionId is null ? "Not published"
                : p.PublishedRevisionId == latest.Id ? "Published" : "Published, with unpublished changes";
            return new Row(p.Slug, latest.Title, p.Slug == "home" ? "/" : $"/pages/{p.Slug}", status, latest.CreatedAt, latest.Author);
        }).OrderBy(r => r.Title).ToList();
    }
}
