using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// Corrections the public suggested to this provider's listing: the open ones to act on, each
/// marked resolved with a note, and the recently resolved ones for the record.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class CorrectionsModel(PortalDbContext db, TimeProvider clock) : PageModel
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
        var providerId = User.ProviderIdOf();
        var correction = await db.ProviderCorrections.FirstOrDefaultAsync(c => c.Id == CorrectionId && c.ProviderId == providerId, ct);
        if (correction is null) return NotFound();
        if (correction.Status == CorrectionStatus.Resolved || correction.Version != CorrectionVersion)
        {
            ModelState.AddModelError("", "Someone else dealt with this correction while you had the page open. Check the list below.");
            await LoadAsync(ct);
            var conflict = Page();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return conflict;
        }
        var note = Note?.Trim();
        if (string.IsNullOrEmpty(note)) ModelState.AddModelError(NoteField(CorrectionId), "Say what you did about this correction, for example \"Phone number updated\".");
        else if (note.Length > ProviderCorrection.MaxNoteLength) ModelState.AddModelError(NoteField(CorrectionId), $"The note must be {ProviderCorrection.MaxNoteLength:#,0} characters or fewer.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            var page = Page();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        correction.Resolve(User.DisplayNameOf(), clock.GetUtcNow(), note!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else dealt with this correction while you had the page open. Check the list below.");
            await LoadAsync(ct);
            var conflict = Page();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return conflict;
        }
        return Redirect("/provider/corrections?done=true");
    }

    /// <summary>Each open correction has its own note box; errors name that box.</summary>
    public static string NoteField(Guid id) => $"Note-{id:N}";

    private async Task LoadAsync(CancellationToken ct)
    {
        var providerId = User.ProviderIdOf();
        var all = await db.ProviderCorrections.AsNoTracking().Where(c => c.ProviderId == providerId).ToListAsync(ct);
        Open = all.Where(c => c.Status == CorrectionStatus.Open).OrderBy(c => c.CreatedAt).ToList();
        Resolved = all.Where(c => c.Status == CorrectionStatus.Resolved).OrderByDescending(c => c.ResolvedAt).Take(50).ToList();
    }
}
