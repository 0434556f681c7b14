
namespace CommissioningPortal.Web.Features.Admin;

public sealed class AuthoritiesModel(PortalDbContext db) : PageModel
{
    public sealed record Row(string Name, string Code, int Localities, int Staff);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Csv.Bytes(["Name", "Code", "Localities", "Staff"], await LoadAsync(ct), r => [r.Name, r.Code, r.Localities, r.Staff]),
            Csv.ContentType, "authorities.csv");

    private Task<List<Row>> LoadAsync(CancellationToken ct) =>
        db.Authorities.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new Row(a.Name, a.Code, a.Localities.Count, db.Users.Count(u => u.AuthorityId == a.Id)))
            .ToListAsync(ct);
}
