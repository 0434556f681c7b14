using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// <c>/frameworks/{id}/lots/{lotId}/admit</c>: find a provider by name and admit them to the lot,
/// with their rate for it. A provider already on the lot (in any standing) is refused by name.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class AdmitModel(PortalDbContext db, AdmitProvider admit, TimeProvider clock) : PageModel
{
    public const int MaxMatches = 25;

    public sealed record Candidate(Guid Id, string Name, ProviderKind Kind, bool Verified, LotMemberStatus? OnLot);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty] public string? ProviderId { get; set; }
    [BindProperty] public string? Rate { get; set; }
    [BindProperty] public string? RateUnit { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }

    /// <summary>The round open now, whose admission this is (the rate then needed, from a date).</summary>
    public FrameworkRound? Round { get; private set; }

    public Framework Framework { get; private set; } = null!;
    public Lot Lot { get; private set; } = null!;
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public bool Searched => !string.IsNullOrWhiteSpace(Q);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid lotId, CancellationToken ct)
    {
        if (!await LoadAsync(id, lotId, ct)) return NotFound();
        if (Q is { Length: > 100 })
        {
            ModelState.AddModelError(nameof(Q), "The provider's name must be 100 characters or fewer.");
            return this.BadRequestPage();
        }
        await FindAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lotId, CancellationToken ct)
    {
        var result = await admit.HandleAsync(new AdmitProvider.Input(id, lotId, ProviderId, Rate, RateUnit, EffectiveFrom), Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = result.Value!.Message;
            return Redirect($"/frameworks/{id}#lot-{result.Value.LotNumber}");
        }
        if (!await LoadAsync(id, lotId, ct)) return NotFound();
        if (Q is { Length: > 100 }) Q = Q[..100];
        await FindAsync(Guid.TryParse(ProviderId, out var chosen) ? chosen : null, ct);
        return this.Refused(result);
    }

    /// <summary>Providers whose name has the search words, and the one already chosen.</summary>
    private async Task FindAsync(Guid? chosen, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var providers = db.Providers.AsNoTracking().Where(p => p.ClosedAt == null);
        var text = Q?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            if (chosen is null) return;
            providers = providers.Where(p => p.Id == chosen);
        }
        else
        {
            providers = providers.Where(p => p.Name.ToLower().Contains(text) || p.Id == chosen);
        }
        var found = await providers.OrderBy(p => p.Name).Take(MaxMatches)
            .Select(p => new { p.Id, p.Name, p.Kind, p.VerifiedThrough }).ToListAsync(ct);
        var ids = found.Select(p => p.Id).ToList();
        var onLot = await db.LotMembers.AsNoTracking().Where(m => m.LotId == Lot.Id && ids.Contains(m.ProviderId))
            .ToDictionaryAsync(m => m.ProviderId, m => m.Status, ct);
        Candidates = found.Select(p => new Candidate(p.Id, p.Name, p.Kind, p.VerifiedThrough >= today,
            onLot.TryGetValue(p.Id, out var status) ? status : null)).ToList();
    }

    private async Task<bool> LoadAsync(Guid id, Guid lotId, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        var lot = framework is null ? null : await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.FrameworkId == id, ct);
        if (framework is null || lot is null) return false;
        Framework = framework;
        Lot = lot;
        Round = await db.FrameworkRounds.AsNoTracking().FirstOrDefaultAsync(r => r.FrameworkId == id && r.ClosedAt == null, ct);
        return true;
    }
}
