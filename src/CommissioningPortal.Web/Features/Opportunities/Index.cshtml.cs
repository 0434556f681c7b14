using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities</c>: published opportunities anyone can read, soonest deadline first, filtered, paged and as CSV. Drafts never show.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Title, string Summary, OpportunityKind Kind, string Authority, DateTimeOffset? SubmissionDeadline);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OpportunityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cpv { get; set; }
    [BindProperty(SupportsGet = true)] public string? Authority { get; set; }
    [BindProperty(SupportsGet = true)] public string? Locality { get; set; }
    [BindProperty(SupportsGet = true)] public string? ClientGroup { get; set; }
    /// <summary>Only those whose submission deadline is within the next 14 days.</summary>
    [BindProperty(SupportsGet = true)] public bool ClosingSoon { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The current filters as a query string, for the CSV and paging links.</summary>
    public string Filters => string.Join("&", new (string Key, string? Value)[]
        {
            ("q", Q), ("kind", Kind?.ToString()), ("cpv", Cpv), ("authority", Authority), ("locality", Locality),
            ("clientGroup", ClientGroup), ("closingSoon", ClosingSoon ? "true" : null),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Query();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Query().ToListAsync(ct);
        return File(Csv.Bytes(["Title", "Kind", "Authority", "Submission deadline (UTC)", "Summary", "Link"], rows,
                r => [r.Title, OpportunityNames.Kind(r.Kind), r.Authority, r.SubmissionDeadline?.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), r.Summary,
                      $"{Request.Scheme}://{Request.Host}/opportunities/{r.Id}"]),
            Csv.ContentType, "opportunities.csv");
    }

    private IQueryable<Row> Query()
    {
        var opportunities = db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published);
        if (Kind is { } kind) opportunities = opportunities.Where(o => o.Kind == kind);
        // Stored as eight digits; "85312000-9" (with its check digit, as the CPV list writes it) finds the same.
        if (!string.IsNullOrWhiteSpace(Cpv)) { var cpv = Cpv.Trim().Split('-')[0]; opportunities = opportunities.Where(o => o.CpvCodes.Contains(cpv)); }
        if (!string.IsNullOrWhiteSpace(Locality)) { var l = Locality.Trim(); opportunities = opportunities.Where(o => o.Localities.Contains(l)); }
        if (!string.IsNullOrWhiteSpace(ClientGroup)) { var g = ClientGroup.Trim(); opportunities = opportunities.Where(o => o.ClientGroups.Contains(g)); }
        if (ClosingSoon)
        {
            var now = clock.GetUtcNow();
            var soon = now.AddDays(14);
            opportunities = opportunities.Where(o => o.SubmissionDeadline > now && o.SubmissionDeadline <= soon);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            opportunities = opportunities.Where(o => o.Title.ToLower().Contains(q) || o.Summary.ToLower().Contains(q));
        }
        var authorities = db.Authorities.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Authority)) { var code = Authority.Trim(); authorities = authorities.Where(a => a.Code == code); }
        return opportunities
            .Join(authorities, o => o.AuthorityId, a => a.Id, (o, a) => new { o, a.Name })
            .OrderBy(x => x.o.SubmissionDeadline).ThenBy(x => x.o.Title)
            .Select(x => new Row(x.o.Id, x.o.Title, x.o.Summary, x.o.Kind, x.Name, x.o.SubmissionDeadline));
    }
}
