using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>A provider's public profile: who they are, what their passport shows, and every service.</summary>
[AllowAnonymous]
public sealed class ProfileModel(PortalDbContext db, DirectorySearch search, TimeProvider clock) : PageModel
{
    public Provider Provider { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyList<PassportItem> Passport { get; private set; } = [];
    public DirectoryReference Reference { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public bool Verified => Provider.IsVerifiedOn(Today);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return NotFound();
        Provider = provider;
        Now = clock.GetUtcNow();
        Reference = await search.ReferenceAsync(ct);
        Services = await db.Services.AsNoTracking().Include(s => s.Areas).Include(s => s.Rates).AsSplitQuery()
            .Where(s => s.ProviderId == id).OrderBy(s => s.Name).ToListAsync(ct);
        Passport = await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == id).OrderBy(i => i.Kind).ToListAsync(ct);
        return Page();
    }

    public string AreaText(Service service) =>
        string.Join("; ", service.Areas.GroupBy(a => a.AuthorityId).Select(g =>
        {
            var area = Reference.Areas.FirstOrDefault(a => a.Authority.Id == g.Key);
            if (area.Authority is null) return "";
            var names = g.Select(a => area.Localities.FirstOrDefault(l => l.Id == a.LocalityId)?.Name).OfType<string>().Order().ToList();
            return names.Count == area.Localities.Count ? $"{area.Authority.Name} (all areas)" : $"{area.Authority.Name}: {string.Join(", ", names)}";
        }).Where(s => s.Length > 0));

    /// <summary>What the public sees of a passport item: its kind and status, never the number or evidence.</summary>
    public string StatusText(PassportItem item) => item.Status switch
    {
        PassportItemStatus.Verified when !item.IsValidOn(Today) => "Expired",
        PassportItemStatus.Verified => item.ExpiresOn is { } e ? $"Verified, valid until {e.AddDays(-1):d MMMM yyyy}" : "Verified",
        PassportItemStatus.Rejected => "Not accepted",
        PassportItemStatus.Expired => "Expired",
        _ => "Waiting to be checked",
    };
}
