using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// One passport item to check: the provider, the item's number, details and expiry, its evidence,
/// the provider's other items, and the decision — verify (after ticking that the evidence was
/// checked) or reject with a reason. Someone else deciding first gets a 409 saying who.
/// </summary>
[Authorize(Policy = Policies.Verifier)]
public sealed class ItemModel(PortalDbContext db, DecidePassportItem decide, TimeProvider clock) : PageModel
{
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

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) => DecideAsync(id, DecidePassportItem.Decision.Verify, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => DecideAsync(id, DecidePassportItem.Decision.Reject, ct);

    private async Task<IActionResult> DecideAsync(Guid id, DecidePassportItem.Decision decision, CancellationToken ct)
    {
        var result = await decide.HandleAsync(new DecidePassportItem.Input(id, SeenVersion, decision, Confirm, Reason), Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = result.Value;
            return Redirect("/verification");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        if (result.Outcome == UseCaseOutcome.Conflict) Conflict = result.Errors[0].Message;
        return this.Refused(result);
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
