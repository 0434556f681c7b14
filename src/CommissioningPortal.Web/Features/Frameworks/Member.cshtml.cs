using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// <c>/frameworks/{id}/members/{memberId}/suspend|withdraw|reinstate</c>: a confirmation page with
/// the reason, then the change (<see cref="ChangeMemberStanding"/>). Suspending and withdrawing take
/// the provider off the framework at once.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class MemberModel(PortalDbContext db, ChangeMemberStanding changeStanding) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public Framework Framework { get; private set; } = null!;
    public Lot Lot { get; private set; } = null!;
    public LotMember Member { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public ChangeMemberStanding.Change Change { get; private set; } = null!;

    public string Heading => Change.HeadingFor(ProviderName, Lot.Number);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, string change, CancellationToken ct) =>
        await LoadAsync(id, memberId, change, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId, string change, CancellationToken ct)
    {
        var result = await changeStanding.HandleAsync(new ChangeMemberStanding.Input(id, memberId, change, Reason), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, memberId, change, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = result.Value!.Message;
        return Redirect($"/frameworks/{id}#lot-{result.Value.LotNumber}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid memberId, string change, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null || ChangeMemberStanding.Find(change) is not { } known) return false;
        var found = await (from m in db.LotMembers.AsNoTracking()
                           join l in db.Lots.AsNoTracking() on m.LotId equals l.Id
                           join p in db.Providers on m.ProviderId equals p.Id
                           where m.Id == memberId && l.FrameworkId == id
                           select new { Member = m, Lot = l, p.Name }).FirstOrDefaultAsync(ct);
        if (found is null) return false;
        Framework = framework;
        Member = found.Member;
        Lot = found.Lot;
        ProviderName = found.Name;
        Change = known;
        return true;
    }
}
