using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderOnboarding;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>A provider user's home: their own organisation only. Without a provider yet, the registration wizard.</summary>
[Authorize(Roles = Roles.ProviderUser)]
public sealed class HomeModel(PortalDbContext db, ProviderAccount account, TimeProvider clock) : PageModel
{
    public Provider Provider { get; private set; } = null!;
    public int ServiceCount { get; private set; }
    public int StaleServiceCount { get; private set; }
    public bool Verified { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        if (id is null)
        {
            // Linked since the cookie was issued (e.g. a colleague's invitation): refresh it; otherwise register.
            if (await account.ProviderIdAsync(User, ct) is not null) return Redirect("/provider/refresh");
            return Redirect("/provider/register");
        }
        var found = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (found is null) return NotFound();
        Provider = found;
        var now = clock.GetUtcNow();
        Verified = found.IsVerifiedOn(DateOnly.FromDateTime(now.UtcDateTime));
        var confirmations = await db.Services.AsNoTracking().Where(s => s.ProviderId == id).Select(s => s.CapacityConfirmedAt).ToListAsync(ct);
        ServiceCount = confirmations.Count;
        StaleServiceCount = confirmations.Count(c => Service.IsStale(c, now));
        return Page();
    }
}
