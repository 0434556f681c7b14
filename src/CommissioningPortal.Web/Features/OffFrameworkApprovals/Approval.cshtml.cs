using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Workflows;

namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>
/// One off-framework approval, for the authority's commissioners: the provider, the checks its kind
/// needs (those its verified passport proves are already passed), the anonymised request, and the
/// decision with reasons. Nothing of the person beyond the anonymised request is shown here.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ApprovalModel(PortalDbContext db) : PageModel
{
    public WorkflowInstance Instance { get; private set; } = null!;
    public OffFrameworkApproval Approval { get; private set; } = null!;
    public Provider Provider { get; private set; } = null!;
    public SupportRequest? TheRequest { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public WorkflowHistoryEntry? Decided { get; private set; }
    public bool IsOpen => Instance.State is "requested" or "checks";

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public PassportItemKind? Kind { get; set; }
    [BindProperty] public bool? Passed { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, [FromServices] DecideApproval decide, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await decide.HandleAsync(id, new DecideApproval.Input(Decision, Reasons), User, ct);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = result.Value == "approve" ? "Approved. The person sees your decision and reasons; the approval is remembered for this provider." : "Declined. The person sees your reasons and may choose again.";
        return Redirect($"/approvals/{id}");
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, [FromServices] RecordApprovalCheck record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsOpen) return this.Refused(UseCaseResult<string>.Invalid(FieldError.Form, "This approval is decided. Nothing was changed."));
        var result = await record.HandleAsync(id, new RecordApprovalCheck.Input(Kind, Passed, Note), User, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"{result.Value}: recorded.";
        return Redirect($"/approvals/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.DefinitionId == Requests.ChooseOffer.ApprovalProcess, ct);
        if (instance is null || instance.AuthorityId != User.AuthorityIdOf()) return false;
        Instance = instance;
        Approval = await db.OffFrameworkApprovals.AsNoTracking().SingleAsync(a => a.InstanceId == id, ct);
        Provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == Approval.ProviderId, ct);
        TheRequest = await db.SupportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ApprovalInstanceId == id, ct);
        DueAt = await ApprovalProgress.DueAtAsync(db, id, ct);
        Decided = await ApprovalProgress.DecisionAsync(db, id, ct);
        return true;
    }
}
