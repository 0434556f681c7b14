using System.Security.Claims;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Reference;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities/alerts</c>: a provider's saved searches, each e-mailing new opportunities at once or in a daily digest.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class AlertsModel(PortalDbContext db, SaveSearch save) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Cpv { get; set; }
    [BindProperty] public string? Locality { get; set; }
    [BindProperty] public string? ClientGroup { get; set; }
    [BindProperty] public string? Frequency { get; set; } = nameof(AlertFrequency.Immediately);

    public IReadOnlyList<SavedSearch> Searches { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Localities { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> ClientGroups { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> CpvCodes { get; private set; } = [];

    public string Describe(SavedSearch s) => s.Describe(l => Localities.FirstOrDefault(x => x.Value == l).Text ?? l, g => ClientGroups.FirstOrDefault(x => x.Value == g).Text ?? g);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cpv = Request.Query["cpv"];
        Kind = Request.Query["kind"];
        ClientGroup = Request.Query["clientGroup"];
        await LoadAsync(ct);
    }

    [OneTimeForm]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.HandleAsync(new SaveSearch.Input(Kind, Cpv, Locality, ClientGroup, Frequency), Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = result.Value!.Frequency == AlertFrequency.Immediately
                ? "Search saved. We will e-mail you as soon as a matching opportunity is published."
                : "Search saved. We will e-mail you a daily digest of matching opportunities.";
            return Redirect("/opportunities/alerts");
        }
        await LoadAsync(ct);
        return this.Refused(result);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await save.DeleteAsync(id, Actor.Of(User), ct);
        if (!result.Succeeded) return NotFound();
        TempData["StatusMessage"] = "Saved search deleted.";
        return Redirect("/opportunities/alerts");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Searches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        Localities = (await save.LocalityKeysAsync(ct)).Select(kv => (kv.Key, kv.Value)).ToList();
        // Read as an anonymous type, then made tuples: PostgreSQL cannot return a tuple built in the query (a "record").
        ClientGroups = (await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).ThenBy(t => t.Label)
            .Select(t => new { t.Code, t.Label }).ToListAsync(ct)).Select(t => (t.Code, t.Label)).ToList();
        CpvCodes = (await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.Cpv).OrderBy(t => t.Code)
            .Select(t => new { t.Code, t.Label }).ToListAsync(ct)).Select(t => (t.Code, t.Label)).ToList();
    }
}
