using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/make-live</c> and <c>/end</c>: say what will happen, then do it.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class StatusModel(PortalDbContext db, FrameworkDirectory directory, TimeProvider clock) : PageModel
{
    public Framework Framework { get; private set; } = null!;
    public string Change { get; private set; } = "";
    public int Admitted { get; private set; }
    public bool MakingLive => Change == "make-live";

    public async Task<IActionResult> OnGetAsync(Guid id, string change, CancellationToken ct) =>
        await LoadAsync(id, change, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string change, CancellationToken ct)
    {
        if (!await LoadAsync(id, change, ct)) return NotFound();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        try
        {
            if (MakingLive) Framework.MakeLive(today, now);
            else Framework.End(today, now);
        }
        catch (FrameworkRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return this.BadRequestPage();
        }
        await db.SaveChangesAsync(ct);
        directory.Changed();
        TempData["StatusMessage"] = MakingLive
            ? $"{Framework.Title} is live. Its admitted providers show as on your framework in the directory."
            : $"{Framework.Title} has ended. Nobody shows as on it any more.";
        return Redirect($"/frameworks/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, string change, CancellationToken ct)
    {
        var framework = await db.Mine(User).Include(f => f.Lots).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        Framework = framework;
        Change = change.ToLowerInvariant();
        Admitted = await db.LotMembers.Where(m => m.Status == LotMemberStatus.Admitted && db.Lots.Any(l => l.Id == m.LotId && l.FrameworkId == id))
            .Select(m => m.ProviderId).Distinct().CountAsync(ct);
        return true;
    }
}
