using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks</c>: the signed-in commissioner's authority's frameworks, newest first, and as CSV.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string Title, FrameworkStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, int Lots, int Admitted, DateTimeOffset CreatedAt);

    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return File(Csv.Bytes(["Reference", "Title", "Status", "Starts on", "Ends on", "Lots", "Providers admitted", "Link"], Rows,
            r => [r.Reference, r.Title, Framework.StatusDisplayName(r.Status), r.StartsOn?.ToString("yyyy-MM-dd"), r.EndsOn?.ToString("yyyy-MM-dd"),
                  r.Lots, r.Admitted, $"{Request.Scheme}://{Request.Host}/frameworks/{r.Id}"]),
            Csv.ContentType, $"frameworks-{Authority.Code}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf();
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == authorityId, ct);
        if (authority is null) return false;
        Authority = authority;
        Rows = (await db.Mine(User)
                .Select(f => new Row(f.Id, f.Reference, f.Title, f.Status, f.StartsOn, f.EndsOn, f.Lots.Count,
                    f.Lots.SelectMany(l => l.Members).Where(m => m.Status == LotMemberStatus.Admitted).Select(m => m.ProviderId).Distinct().Count(), f.CreatedAt))
                .ToListAsync(ct))
            .OrderBy(r => r.Status == FrameworkStatus.Ended).ThenByDescending(r => r.CreatedAt).ToList();
        return true;
    }
}
