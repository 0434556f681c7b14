using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/services</c>: the provider's services, stale capacity prompts, one-click confirmation and CSV.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class ServicesModel(PortalDbContext db, DirectorySearch directory, ConfirmCapacity confirm, TimeProvider clock) : PageModel
{
    public Provider Provider { get; private set; } = null!;
    public List<Service> Items { get; private set; } = [];
    public DirectoryReference Reference { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public int StaleCount => Items.Count(s => s.IsCapacityStale(Now));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return File(Csv.Bytes(
            ["Service", "Support types", "Client groups", "Areas", "Languages", "Rates now", "Hours free a week", "Earliest start", "Capacity confirmed", "Capacity out of date"],
            Items, s =>
            [
                s.Name,
                string.Join("; ", s.SupportTypes.Select(c => Reference.Label(ReferenceSchemes.SupportType, c))),
                string.Join("; ", s.ClientGroups.Select(c => Reference.Label(ReferenceSchemes.ClientGroup, c))),
                string.Join("; ", s.Areas.Select(a => Reference.LocalityById(a.LocalityId)?.Name ?? "")),
                string.Join("; ", s.Languages.Select(ServiceLanguages.NameOf)),
                RatesText(s, Today), s.HoursFreePerWeek, s.EarliestStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.CapacityConfirmedAt, s.IsCapacityStale(Now),
            ]), Csv.ContentType, "services.csv");
    }

    /// <summary>"Confirm capacity is still right": the same hours and start, confirmed now.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var result = await confirm.HandleAsync(new ConfirmCapacity.Input(id), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Capacity for {result.Value} confirmed.";
        return Redirect("/provider/services");
    }

    public static string RatesText(Service s, DateOnly today) =>
        string.Join("; ", s.Rates.Where(r => r.IsEffectiveOn(today)).OrderBy(r => r.Unit)
            .Select(r => r.Text));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return false;
        Provider = provider;
        Now = clock.GetUtcNow();
        Reference = await directory.ReferenceAsync(ct);
        Items = await db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas)
            .Where(s => s.ProviderId == id).OrderBy(s => s.Name).AsSplitQuery().ToListAsync(ct);
        return true;
    }
}
