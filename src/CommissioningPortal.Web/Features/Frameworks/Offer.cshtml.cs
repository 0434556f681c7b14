using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// <c>/call-offs/{callOffId}</c>: an invited lot member reads the anonymised package and offers. Anyone else,
/// including a provider on the framework but not invited, is told nothing exists (404).
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[OneTimeForm]
public sealed class OfferModel(CallOffs callOffs, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Price { get; set; }
    [BindProperty] public string? PriceUnit { get; set; }
    [BindProperty] public string? Note { get; set; }

    public CallOff CallOff { get; private set; } = null!;
    public LotRate? Ceiling { get; private set; }
    public CallOffOffer? Mine { get; private set; }
    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid callOffId, CancellationToken ct) => await LoadAsync(callOffId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid callOffId, CancellationToken ct)
    {
        var result = await callOffs.OfferAsync(new CallOffs.OfferInput(callOffId, Price, PriceUnit, Note), User.ProviderIdOf(), User.DisplayNameOf(), ct);
        if (!result.Succeeded) return await LoadAsync(callOffId, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Your offer of {result.Value!.PriceText} is sent.";
        return Redirect($"/call-offs/{callOffId}");
    }

    private async Task<bool> LoadAsync(Guid callOffId, CancellationToken ct)
    {
        var providerId = User.ProviderIdOf();
        if (await callOffs.InvitedAsync(callOffId, providerId, ct) is not { } callOff) return false;
        CallOff = callOff;
        Ceiling = await callOffs.CeilingAsync(callOff, providerId!.Value, ct);
        Mine = callOff.Offers.FirstOrDefault(o => o.ProviderId == providerId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Open = callOff.Status == CallOffStatus.InvitingOffers && (callOff.OffersDueOn is null || today <= callOff.OffersDueOn);
        PriceUnit ??= Ceiling?.Unit.ToString();
        return true;
    }
}
