using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Workflows;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// The decisions log. An alliance's proposals with each member's position (who agreed, who objected and why,
/// when), passing only when every Alliance Leadership Team member agrees; and, for every partnership, the
/// process steps decided, by whom, when and why.
/// </summary>
[Authorize]
public sealed class DecisionsModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<AllianceDecision> Proposals { get; private set; } = [];
    public IReadOnlyList<AllianceMember> Team { get; private set; } = [];
    public IReadOnlyList<WorkflowHistoryEntry> Steps { get; private set; } = [];

    [BindProperty] public string? Proposal { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id, [FromServices] AllianceDecisions decisions, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await decisions.ProposeAsync(W, Proposal, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "Proposal put to the Alliance Leadership Team. It passes when every member agrees.";
        return Redirect(W.Link("/decisions"));
    }

    public async Task<IActionResult> OnPostPositionAsync(Guid id, Guid decisionId, string? position, [FromServices] AllianceDecisions decisions, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await decisions.TakePositionAsync(W, decisionId, position ?? "", Reason, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = position switch { "object" => "Your objection is recorded with its reason: the decision cannot pass while it stands.", "withdraw" => "Your objection is withdrawn: you agree.", _ => "You agree." };
        return Redirect(W.Link("/decisions"));
    }

    public string? WhyNot(AllianceDecision d) => d.WhyNotUnanimous(Team);

    public string NameOf(Guid memberId) => Team.FirstOrDefault(m => m.Id == memberId)?.Name ?? "A former member";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w) return false;
        W = w;
        if (w.IsAlliance)
        {
            Proposals = (await db.AllianceDecisions.AsNoTracking().Where(d => d.AllianceInstanceId == w.Instance.Id).ToListAsync(ct)).OrderByDescending(d => d.ProposedAt).ToList();
            Team = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == w.Instance.Id).OrderBy(m => m.Name).ToListAsync(ct);
        }
        Steps = await PartnershipHistory.DecisionsAsync(db, w.Instance.Id, ct);
        return true;
    }
}
