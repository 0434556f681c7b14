using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/make-live</c> and <c>/end</c>: say what will happen, then do it (<see cref="ChangeFrameworkStatus"/>).</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class StatusModel(PortalDbContext db, ChangeFrameworkStatus changeStatus) : PageModel
{
    public Framework Framework { get; private set; } = null!;
    public ChangeFrameworkStatus.Change Change { get; private set; } = null!;
    public int Lots { get; private set; }
    public int Admitted { get; private set; }
    public bool MakingLive => Change.Slug == "make-live";

    public async Task<IActionResult> OnGetAsync(Guid id, string change, CancellationToken ct) =>
        await LoadAsync(id, change, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string change, CancellationToken ct)
    {
        var result = await changeStatus.HandleAsync(new ChangeFrameworkStatus.Input(id, change), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, change, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = result.Value;
        return Redirect($"/frameworks/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, string change, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null || ChangeFrameworkStatus.Find(change) is not { } known) return false;
        Framework = framework;
        Change = known;
        Lots = await db.Lots.CountAsync(l => l.FrameworkId == id, ct);
        Admitted = await db.LotMembers.Where(m => m.Status == LotMemberStatus.Admitted && db.Lots.Any(l => l.Id == m.LotId && l.FrameworkId == id))
            .Select(m => m.ProviderId).Distinct().CountAsync(ct);
        return true;
    }
}
