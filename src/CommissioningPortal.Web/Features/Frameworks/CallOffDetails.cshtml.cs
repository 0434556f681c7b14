using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/call-offs/{callOffId}</c>: a call-off, its offers, the choice with reasons, and the way to the agreement.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class CallOffDetailsModel(PortalDbContext db, CallOffs callOffs) : PageModel
{
    public sealed record OfferRow(CallOffOffer Offer, string ProviderName);

    [BindProperty] public string? ProviderId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Framework Framework { get; private set; } = null!;
    public CallOff CallOff { get; private set; } = null!;
    public Lot Lot { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string? ChosenName { get; private set; }
    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid callOffId, CancellationToken ct) => await LoadAsync(id, callOffId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid callOffId, CancellationToken ct)
    {
        var result = await callOffs.ChooseAsync(new CallOffs.ChooseInput(id, callOffId, ProviderId, Reason), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, callOffId, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Provider chosen at {result.Value!.PriceText}. Draft the agreement next.";
        return Redirect($"/frameworks/{id}/call-offs/{callOffId}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid callOffId, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().Include(f => f.Lots).FirstOrDefaultAsync(f => f.Id == id, ct);
        var callOff = framework is null ? null : await db.CallOffs.AsNoTracking().Include(c => c.Offers).FirstOrDefaultAsync(c => c.Id == callOffId && c.FrameworkId == id, ct);
        if (framework is null || callOff is null) return false;
        (Framework, CallOff, Lot) = (framework, callOff, framework.LotById(callOff.LotId));
        PersonName = await db.SupportedPeople.AsNoTracking().Where(p => p.Id == callOff.SupportedPersonId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var ids = callOff.Offers.Select(o => o.ProviderId).Append(callOff.ChosenProviderId ?? Guid.Empty).ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Offers = callOff.Offers.OrderBy(o => o.PricePence).Select(o => new OfferRow(o, names.GetValueOrDefault(o.ProviderId, "A provider"))).ToList();
        ChosenName = callOff.ChosenProviderId is { } c ? names.GetValueOrDefault(c) : null;
        return true;
    }
}
