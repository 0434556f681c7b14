using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>A provider user's home: their own organisation only.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class HomeModel(PortalDbContext db) : PageModel
{
    public Provider Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var found = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (found is null) return NotFound();
        Provider = found;
        return Page();
    }
}
