using CommissioningPortal.Domain.Evaluations;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary><c>/tendering/price-floors</c>: the authority's sustainable price floors, each from its date (Real Living Wage plus on-costs).</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class PriceFloorsModel(PortalDbContext db, SetPriceFloor set) : PageModel
{
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? RealLivingWage { get; set; }
    [BindProperty] public string? OnCostPercent { get; set; }

    public IReadOnlyList<SustainablePriceFloor> Floors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await set.HandleAsync(new SetPriceFloor.Input(EffectiveFrom, RealLivingWage, OnCostPercent), Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            await LoadAsync(ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = $"From {result.Value!.EffectiveFrom:d MMMM yyyy} the floor is {Tendering.TenderingPages.Money(result.Value.FloorPencePerHour)} per hour.";
        return Redirect("/tendering/price-floors");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var authorityId = Actor.Of(User).AuthorityId;
        Floors = await db.SustainablePriceFloors.AsNoTracking().Where(f => f.AuthorityId == authorityId).OrderByDescending(f => f.EffectiveFrom).ToListAsync(ct);
    }
}
