using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary><c>/authority/{authority}/insight</c>: the insight pages, the quarterly statement and the open data.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class IndexModel(InsightAccess access, TimeProvider clock) : PageModel
{
    public string Quarter => MarketStatement.Quarter(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public Authority Authority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct)
    {
        if (await access.LoadAsync(authority, User, ct) is not { } a) return NotFound();
        Authority = a;
        return Page();
    }
}
