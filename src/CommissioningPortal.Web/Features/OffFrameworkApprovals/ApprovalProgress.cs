using CommissioningPortal.Domain.Workflows;

namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>Where an off-framework approval stands, as the commissioner's page and the person's request page both show it.</summary>
public static class ApprovalProgress
{
    /// <summary>When the decision is due: the approval task's due time (the authority's target).</summary>
    public static Task<DateTimeOffset?> DueAtAsync(PortalDbContext db, Guid instanceId, CancellationToken ct) =>
        db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId).OrderBy(w => w.CreatedAt).Select(w => w.DueAt).FirstOrDefaultAsync(ct);

    /// <summary>The decision (approve or decline, with its reasons and time), once made.</summary>
    public static Task<WorkflowHistoryEntry?> DecisionAsync(PortalDbContext db, Guid instanceId, CancellationToken ct) =>
        db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instanceId && (h.Trigger == "approve" || h.Trigger == "decline"))
            .OrderBy(h => h.Sequence).FirstOrDefaultAsync(ct);
}
