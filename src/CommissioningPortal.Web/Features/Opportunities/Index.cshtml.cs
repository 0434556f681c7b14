using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities</c>: published opportunities anyone can read, soonest deadline first, filtered, paged and as CSV. Drafts never show.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, PublishedOpportunities published, TimeProvider clock) : PageModel
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
        var rows = await QueryAsync(ct);
        Total = rows.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(AsRow).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = (await QueryAsync(ct)).Select(AsRow).ToList();
        return File(Csv.Bytes(["Title", "Kind", "Authority", "Submission deadline (UTC)", "Summary", "Link"], rows,
                r => [r.Title, OpportunityNames.Kind(r.Kind), r.Authority, r.SubmissionDeadline?.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), r.Summary,
                      $"{Request.Scheme}://{Request.Host}/opportunities/{r.Id}"]),
            Csv.ContentType, "opportunities.csv");
    }

    /// <summary>The filters applied to the published list (held in memory by <see cref="PublishedOpportunities"/>).</summary>
    private static Row AsRow(PublishedOpportunities.Listed o) => new(o.Id, o.Title, o.Summary, o.Kind, o.Authority, o.SubmissionDeadline);

    private async Task<List<PublishedOpportunities.Listed>> QueryAsync(CancellationToken ct)
    {
        IEnumerable<PublishedOpportunities.Listed> rows = await published.AllAsync(db, ct);
        static bool Has(IReadOnlyList<string> codes, string wanted) => codes.Any(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase));
        if (Kind is { } kind) rows = rows.Where(o => o.Kind == kind);
        // Stored as eight digits; "85312000-9" (with its check digit, as the CPV list writes it) finds the same.
        if (!string.IsNullOrWhiteSpace(Cpv)) { var cpv = Cpv.Trim().Split('-')[0]; rows = rows.Where(o => Has(o.CpvCodes, cpv)); }
        if (!string.IsNullOrWhiteSpace(Locality)) { var l = Locality.Trim(); rows = rows.Where(o => Has(o.Localities, l)); }
        if (!string.IsNullOrWhiteSpace(ClientGroup)) { var g = ClientGroup.Trim(); rows = rows.Where(o => Has(o.ClientGroups, g)); }
        if (!string.IsNullOrWhiteSpace(Authority)) { var code = Authority.Trim(); rows = rows.Where(o => string.Equals(o.AuthorityCode, code, StringComparison.OrdinalIgnoreCase)); }
        if (ClosingSoon)
        {
            var now = clock.GetUtcNow();
            var soon = now.AddDays(14);
            rows = rows.Where(o => o.SubmissionDeadline > now && o.SubmissionDeadline <= soon);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(o => o.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || o.Summary.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        return rows.ToList();
    }
}
