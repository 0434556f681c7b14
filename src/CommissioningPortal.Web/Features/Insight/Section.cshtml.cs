using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>One insight page (<see cref="InsightQueries.Slugs"/>): each table with its chart, its text alternative and its CSV.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class SectionModel(InsightAccess access, InsightQueries queries) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public InsightSection Section { get; private set; } = null!;
    public string Root => $"/authority/{Authority.Code}/insight";

    /// <summary>The locality whose rows of the heat map are shown (the map is long: one locality at a time on the page, all in its CSV).</summary>
    [BindProperty(SupportsGet = true, Name = "locality")] public string? MapLocality { get; set; }

    /// <summary>The rows of <paramref name="table"/> to show: for a heat map, those of the chosen locality (else the first); otherwise all.</summary>
    public (IReadOnlyList<int> Rows, IReadOnlyList<string> Localities, string? Chosen) Visible(InsightTable table)
    {
        var all = Enumerable.Range(0, table.Rows.Count).ToList();
        if (table.HeatColumn is null || table.Rows.Count == 0) return (all, [], null);
        var localities = all.Select(r => table.Text(r, 0)).Distinct().ToList();
        var chosen = localities.Contains(MapLocality ?? "") ? MapLocality! : localities[0];
        return (all.Where(r => table.Text(r, 0) == chosen).ToList(), localities, chosen);
    }

    public async Task<IActionResult> OnGetAsync(string authority, string section, CancellationToken ct)
    {
        if (!InsightQueries.Slugs.Contains(section) || await access.LoadAsync(authority, User, ct) is not { } a) return NotFound();
        Authority = a;
        Section = await queries.SectionAsync(section, a, ct);
        return Page();
    }
}
