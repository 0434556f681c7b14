using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// One passport item to check: the provider, the item's number, details and expiry, its evidence,
/// the provider's other items, and the decision — verify (after ticking that the evidence was
/// checked) or reject with a reason. Someone else deciding first gets a 409 saying who.
/// </summary>
[Authorize(Policy = Policies.Verifier)]
public sealed class ItemModel(PortalDbContext db, PassportDecisions decisions, TimeProvider clock) : PageModel
{
    public const int ReasonMaxLength = 1000;

    public PassportItem Item { get; private set; } = null!;
    public Provider Provider { get; private set; } = null!;
    public IReadOnlyList<PassportItem> OtherItems { get; private set; } = [];
    public IReadOnlyList<PassportItemKind> Required { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Conflict { get; private set; }

    [BindProperty] public int SeenVersion { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public bool CanDecide => Item.Status == PassportItemStatus.Unverified;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        SeenVersion = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Confirm) ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm you have checked the evidence");
        if (Item.ExpiresOn is { } expires && expires <= Today)
        {
            ModelState.AddModelError(nameof(Confirm), $"This item expired on {expires:d MMMM yyyy}, so it cannot be verified: reject it and ask for renewed evidence");
        }
        ModelState.Remove(nameof(Reason));
        return await DecideAsync(id, reason: null, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Give the reason you cannot accept this item, so the provider can put it right");
        else if (Reason.Trim().Length > ReasonMaxLength) ModelState.AddModelError(nameof(Reason), $"The reason must be {ReasonMaxLength:N0} characters or fewer (it has {Reason.Trim().Length:N0})");
        ModelState.Remove(nameof(Confirm));
        return await DecideAsync(id, Reason?.Trim() ?? "", ct);
    }

    private async Task<IActionResult> DecideAsync(Guid id, string? reason, CancellationToken ct)
    {
        // Someone decided while this person was reading: say who, whatever else is wrong with the form.
        if (PassportDecisions.ConflictMessage(Item, SeenVersion) is { } already) return Conflicted(already);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var by = await VerificationQueue.DeciderAsync(db, User, ct);
        var result = await decisions.DecideAsync(id, SeenVersion, by, reason, ct);
        switch (result.Outcome)
        {
            case DecisionOutcome.NotFound:
                return NotFound();
            case DecisionOutcome.Conflict:
                await LoadAsync(id, ct);
                return Conflicted(result.Message!);
            default:
                TempData["StatusMessage"] = reason is null
                    ? $"Verified: {PassportItem.KindDisplayName(Item.Kind)} for {Provider.Name}. The provider has been e-mailed."
                    : $"Rejected: {PassportItem.KindDisplayName(Item.Kind)} for {Provider.Name}. The provider has been e-mailed the reason.";
                return Redirect("/verification");
        }
    }

    private PageResult Conflicted(string message)
    {
        Conflict = message;
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.PassportItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return false;
        Item = item;
        Provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == item.ProviderId, ct);
        OtherItems = await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == item.ProviderId && i.Id != id)
            .OrderBy(i => i.Kind).ThenBy(i => i.CreatedAt).ToListAsync(ct);
        Required = ProviderVerification.RequiredFor(Provider.Kind);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }

    public string StatusText(PassportItem item) => item.Status switch
    {
        PassportItemStatus.Verified when !item.IsValidOn(Today) => "Expired",
        PassportItemStatus.Verified => $"Verified by {item.VerifiedBy} on {item.VerifiedAt:d MMM yyyy}",
        PassportItemStatus.Rejected => $"Rejected by {item.VerifiedBy} on {item.VerifiedAt:d MMM yyyy}: {item.RejectionReason}",
        PassportItemStatus.Expired => "Expired",
        _ => "Waiting to be checked",
    };
}
