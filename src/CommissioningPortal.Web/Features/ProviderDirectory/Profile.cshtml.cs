using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.AspNetCore.RateLimiting;
using CommissioningPortal.Web.Features.Providers;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// A provider's public profile: who they are, what their passport shows, and every service; the
/// shortlist button; and "suggest a correction", which anyone may send and is queued for the provider.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalApplication.CorrectionRateLimit)] // POSTs only: "suggest a correction" e-mails the provider
public sealed class ProfileModel(PortalDbContext db, DirectorySearch search, FrameworkDirectory frameworks, Shortlists shortlists, SuggestCorrection suggest, TimeProvider clock) : PageModel
{
    public Provider Provider { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyList<PassportItem> Passport { get; private set; } = [];

    /// <summary>The authorities' frameworks (and lots) the provider is on today.</summary>
    public IReadOnlyList<FrameworkPlace> Frameworks { get; private set; } = [];
    public DirectoryReference Reference { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public bool Verified => Provider.IsVerifiedOn(Today);
    public ShortlistButton Shortlist { get; private set; } = null!;

    /// <summary>Practitioners see when each item was checked and when it expires.</summary>
    public bool ShowPassportDetail => PassportSummaries.CanSee(User);

    [BindProperty(SupportsGet = true)] public bool Corrected { get; set; }

    [BindProperty] public string? WhatIsWrong { get; set; }
    [BindProperty] public string? ReplyEmail { get; set; }

    /// <summary>A field people never see (it is hidden): only form-filling robots put anything in it.</summary>
    [BindProperty] public string? Nickname { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    [OneTimeForm]
    public async Task<IActionResult> OnPostCorrectionAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrEmpty(Nickname))
        {
            // A robot: thank it as if it worked, keep nothing.
            return Redirect($"/directory/{id}?corrected=true#correction");
        }
        var result = await suggest.HandleAsync(new SuggestCorrection.Input(id, WhatIsWrong, ReplyEmail), Actor.Of(User), ct);
        if (!result.Succeeded) return this.Refused(result);
        return Redirect($"/directory/{id}?corrected=true#correction");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ClosedAt == null, ct);
        if (provider is null) return false;
        Provider = provider;
        Now = clock.GetUtcNow();
        Reference = await search.ReferenceAsync(ct);
        Services = await db.Services.AsNoTracking().Include(s => s.Areas).Include(s => s.Rates).AsSplitQuery()
            .Where(s => s.ProviderId == id).OrderBy(s => s.Name).ToListAsync(ct);
        Frameworks = await frameworks.PlacesOfAsync(id, Today, ct);
        Passport = await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == id).OrderBy(i => i.Kind).ToListAsync(ct);
        var saved = Shortlists.CanUse(User) ? await shortlists.SavedAsync(Shortlists.UserIdOf(User), [id], ct) : null;
        Shortlist = new ShortlistButton(id, provider.Name, ShortlistButton.For(User, saved, id), $"/directory/{id}");
        return true;
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
