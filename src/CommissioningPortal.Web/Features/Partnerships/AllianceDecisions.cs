using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// The Alliance Leadership Team's decisions: any member proposes; each member agrees or objects with a reason;
/// an objector may withdraw. A decision passes only when every current member agrees (<see cref="AllianceDecision.WhyNotUnanimous"/>,
/// the same rule the <c>unanimous</c> guard applies to the alliance's steps). Every position records who and when.
/// </summary>
public sealed class AllianceDecisions(PortalDbContext db, TimeProvider clock)
{
    public const string ProposalField = "Proposal";
    public const string ReasonField = "Reason";

    public async Task<UseCaseResult<AllianceDecision>> ProposeAsync(Workspace workspace, string? proposal, CancellationToken ct)
    {
        if (!workspace.IsAlliance || workspace.Me?.AllianceMemberId is null) return UseCaseResult<AllianceDecision>.NotFound();
        if (string.IsNullOrWhiteSpace(proposal)) return UseCaseResult<AllianceDecision>.Invalid(ProposalField, "Write the proposal the Alliance Leadership Team is to decide");
        if (proposal.Trim().Length > 2000) return UseCaseResult<AllianceDecision>.Invalid(ProposalField, "The proposal must be 2,000 characters or fewer");
        var decision = new AllianceDecision(workspace.Instance.Id, proposal, clock.GetUtcNow(), workspace.UserName);
        db.AllianceDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<AllianceDecision>.Done(decision);
    }

    /// <summary>Agree, object (with a reason) or withdraw an objection.</summary>
    public async Task<UseCaseResult<AllianceDecision>> TakePositionAsync(Workspace workspace, Guid decisionId, string position, string? reason, CancellationToken ct)
    {
        if (!workspace.IsAlliance || workspace.Me?.AllianceMemberId is not { } seatId) return UseCaseResult<AllianceDecision>.NotFound();
        var decision = await db.AllianceDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.AllianceInstanceId == workspace.Instance.Id, ct);
        var seat = await db.AllianceMembers.FirstOrDefaultAsync(m => m.Id == seatId, ct);
        if (decision is null || seat is null) return UseCaseResult<AllianceDecision>.NotFound();
        var now = clock.GetUtcNow();
        switch (position)
        {
            case "agree":
                if (decision.PositionOf(seat.Id) is { Position: AlliancePosition.Objects }) decision.WithdrawObjection(seat, now);
                else decision.Agree(seat, now);
                break;
            case "object":
                if (string.IsNullOrWhiteSpace(reason)) return UseCaseResult<AllianceDecision>.Invalid(ReasonField, "Give the reason for your objection: the other members read it");
                if (reason.Trim().Length > AllianceDecision.MaxReasonLength) return UseCaseResult<AllianceDecision>.Invalid(ReasonField, "The reason must be 2,000 characters or fewer");
                decision.Object(seat, reason, now);
                break;
            case "withdraw":
                if (decision.PositionOf(seat.Id) is not { Position: AlliancePosition.Objects }) return UseCaseResult<AllianceDecision>.Invalid(FieldError.Form, "You have no objection to withdraw. Nothing was changed.");
                decision.WithdrawObjection(seat, now);
                break;
            default:
                return UseCaseResult<AllianceDecision>.Invalid(FieldError.Form, "Choose to agree, object or withdraw your objection.");
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<AllianceDecision>.Done(decision);
    }
}
