using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>One insight page (<see cref="InsightQueries.Slugs"/>): each table with its chart, its text alternative and its CSV.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class SectionModel(InsightAccess access, InsightQueries queries) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public InsightSection Section { get; private set; } = null!;
    public string Root => $"/authority/{Authority.Code}/insight";

    public async Task<IActionResult> OnGetAsync(string authority, string section, CancellationToken ct)
    {
        if (!InsightQueries.Slugs.Contains(section) || await access.LoadAsync(authority, User, ct) is not { } a) return NotFound();
        Authority = a;
        Section = await queries.SectionAsync(section, a, ct);
        return Page();
    }
}
