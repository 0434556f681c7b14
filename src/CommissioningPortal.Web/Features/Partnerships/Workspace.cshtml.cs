using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A partnership's overview: the stage bar from its process definition, what the current gate needs (the
/// stage's evidence, or every member's agreement), the steps the engine offers this member, the members and
/// their roles, and invitations. Members and the authority's commissioners only; anyone else gets a 404.
/// </summary>
[Authorize]
public sealed class WorkspaceModel(PortalDbContext db, PartnershipAccess access, WorkflowRuntime runtime) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<PartnershipMember> Members { get; private set; } = [];
    public IReadOnlyList<PartnershipEvidence> Evidence { get; private set; } = [];
    public IReadOnlyList<AvailableTransition> Steps { get; private set; } = [];
    public IReadOnlyList<WorkflowHistoryEntry> GateDecisions { get; private set; } = [];
    public IReadOnlyList<PartnershipStages.RequiredItem> Required => W.IsAlliance ? [] : PartnershipStages.RequiredEvidence(W.Instance.State);

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public PartnerRole? Role { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public int? SeenVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, [FromServices] InvitePartner invite, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await invite.HandleAsync(W, new InvitePartner.Input(Name, Email, Role), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"{result.Value!.Name} is invited: we have e-mailed {result.Value.Email} a link to join.";
        return Redirect(W.Link() + "#members");
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, [FromServices] RecordStageEvidence record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await record.HandleAsync(W, new RecordStageEvidence.Input(Item, Title), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"Evidence recorded: {result.Value!.Title}.";
        return Redirect(W.Link() + "#gate");
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, [FromServices] TakePartnershipStep take, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await take.HandleAsync(W, new TakePartnershipStep.Input(Trigger, Reasons, SeenVersion), User, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"Decision recorded with its reasons. The partnership is now at: {result.Value}.";
        return Redirect(W.Link());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w) return false;
        W = w;
        Members = await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == id).OrderBy(m => m.InvitedAt).ThenBy(m => m.Name).ToListAsync(ct);
        Evidence = await db.PartnershipEvidence.AsNoTracking().Where(e => e.PartnershipInstanceId == w.Instance.Id).OrderBy(e => e.RecordedAt).ToListAsync(ct);
        Steps = (await runtime.AvailableTransitionsAsync(w.Instance, w.Actor(User), ct)).Where(s => !s.FeatureOwned).ToList();
        GateDecisions = await PartnershipHistory.DecisionsAsync(db, w.Instance.Id, ct);
        return true;
    }
}

public static class PartnershipHistory
{
    /// <summary>The steps taken in the partnership's process, oldest first: who, when and their reasons.</summary>
    public static async Task<IReadOnlyList<WorkflowHistoryEntry>> DecisionsAsync(PortalDbContext db, Guid instanceId, CancellationToken ct) =>
        await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(ct);
}
