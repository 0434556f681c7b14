using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>"checks-passed" (off-framework approval): every check the provider's kind requires is recorded as passed.</summary>
public sealed class ChecksPassedGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "checks-passed";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        var approval = await db.OffFrameworkApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.InstanceId == context.Instance.Id, ct);
        if (approval is null) return GuardResult.Block("No provider has been recorded for this approval, so nothing has been checked.");
        return approval.WhyNotApprovable() is { } why ? GuardResult.Block(why) : GuardResult.Pass;
    }
}
