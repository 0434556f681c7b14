using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// Corrections the public suggested to this provider's listing: the open ones to act on, each
/// marked resolved with a note, and the recently resolved ones for the record.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class CorrectionsModel(PortalDbContext db, ResolveCorrection resolve) : PageModel
{
    public IReadOnlyList<ProviderCorrection> Open { get; private set; } = [];
    public IReadOnlyList<ProviderCorrection> Resolved { get; private set; } = [];

    [BindProperty] public Guid CorrectionId { get; set; }
    [BindProperty] public int CorrectionVersion { get; set; }
    [BindProperty] public string? Note { get; set; }

    [BindProperty(SupportsGet = true)] public bool Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResolveAsync(CancellationToken ct)
    {
        var result = await resolve.HandleAsync(new ResolveCorrection.Input(CorrectionId, CorrectionVersion, Note), Actor.Of(User), ct);
        if (result.Succeeded) return Redirect("/provider/corrections?done=true");
        await LoadAsync(ct);
        return this.Refused(result);
    }

    /// <summary>Each open correction has its own note box; errors name that box.</summary>
    public static string NoteField(Guid id) => ResolveCorrection.NoteField(id);

    private async Task LoadAsync(CancellationToken ct)
    {
        var providerId = User.ProviderIdOf();
        var all = await db.ProviderCorrections.AsNoTracking().Where(c => c.ProviderId == providerId).ToListAsync(ct);
        Open = all.Where(c => c.Status == CorrectionStatus.Open).OrderBy(c => c.CreatedAt).ToList();
        Resolved = all.Where(c => c.Status == CorrectionStatus.Resolved).OrderByDescending(c => c.ResolvedAt).Take(50).ToList();
    }
}
