using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// "unanimous" (alliance): the latest proposal put to the Alliance Leadership Team has the
/// agreement of every current member; one objection blocks it.
/// </summary>
public sealed class UnanimousGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "unanimous";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        var alliance = context.Instance.Id;
        var decision = await db.AllianceDecisions.AsNoTracking().Where(d => d.AllianceInstanceId == alliance)
            .OrderByDescending(d => d.ProposedAt).FirstOrDefaultAsync(ct);
        if (decision is null) return GuardResult.Block("No proposal has been put to the Alliance Leadership Team yet.");
        var members = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == alliance).ToListAsync(ct);
        return decision.WhyNotUnanimous(members) is { } why ? GuardResult.Block(why) : GuardResult.Pass;
    }
}

/// <summary>"evidence-recorded" (public social partnership): the current stage's required evidence items exist.</summary>
public sealed class EvidenceRecordedGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "evidence-recorded";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        var stage = context.Instance.State;
        var recorded = await db.PartnershipEvidence.AsNoTracking()
            .Where(e => e.PartnershipInstanceId == context.Instance.Id && e.Stage == stage).ToListAsync(ct);
        return PartnershipStages.MissingEvidence(stage, recorded) is { } why ? GuardResult.Block(why) : GuardResult.Pass;
    }
}
