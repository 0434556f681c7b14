using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/passport</c>: the provider's passport items, each with its status and evidence.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class PassportModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int ExpiringWithinDays = 30;

    public Provider Provider { get; private set; } = null!;
    public List<PassportItem> Items { get; private set; } = [];
    public IReadOnlyList<PassportItemKind> Missing { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return NotFound();
        Provider = provider;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Items = (await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == id).ToListAsync(ct))
            .OrderBy(i => i.Kind).ThenBy(i => i.CreatedAt).ToList();
        Missing = ProviderVerification.RequiredFor(provider.Kind).Where(k => Items.All(i => i.Kind != k)).ToList();
        return Page();
    }

    /// <summary>The tag a person sees for an item's state on <paramref name="today"/>.</summary>
    public static (string Text, string Css) StatusTag(PassportItem item, DateOnly today)
    {
        if (item.Status == PassportItemStatus.Expired || (item.ExpiresOn is { } e && e <= today)) return ("Expired", "ds_tag--red");
        return item.Status switch
        {
            PassportItemStatus.Rejected => ("Rejected", "ds_tag--red"),
            PassportItemStatus.Verified when item.ExpiresOn is { } ends && ends.DayNumber - today.DayNumber <= ExpiringWithinDays =>
                ($"Verified, expires in {ends.DayNumber - today.DayNumber} {(ends.DayNumber - today.DayNumber == 1 ? "day" : "days")}", "ds_tag--orange"),
            PassportItemStatus.Verified => ("Verified", "ds_tag--green"),
            _ when item.EvidenceLocation is null => ("Evidence needed", "ds_tag--grey"),
            _ => ("Unverified", "ds_tag--grey"),
        };
    }
}
