using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Web.Features.Opportunities;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>Finding an evaluation for whoever asks: the authority's commissioners, or a panel member by their seat.</summary>
public static class EvaluationAccess
{
    public static Task<Domain.Evaluations.Evaluation?> EvaluationOfAsync(this PortalDbContext db, Guid opportunityId, CancellationToken ct) =>
        db.Evaluations.AsSplitQuery().Include(e => e.Seats).Include(e => e.Consensus).Include(e => e.Exclusions).FirstOrDefaultAsync(e => e.OpportunityId == opportunityId, ct);

    /// <summary>
    /// The opportunity and evaluation for a member of its panel (either role), of the member's own authority; null when the user is not on it.
    /// </summary>
    public static async Task<(Opportunity Opportunity, Domain.Evaluations.Evaluation Evaluation, PanelSeat Seat)?> SeatAsync(this PortalDbContext db, Actor actor, Guid opportunityId, CancellationToken ct)
    {
        if (actor.UserId is not { } userId || actor.AuthorityId is not { } authorityId) return null;
        var evaluation = await db.EvaluationOfAsync(opportunityId, ct);
        if (evaluation is null || evaluation.AuthorityId != authorityId || evaluation.SeatOf(userId) is not { } seat) return null;
        var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId && o.AuthorityId == authorityId, ct);
        return opportunity is null ? null : (opportunity, evaluation, seat);
    }

    /// <summary>
    /// The responses (of <paramref name="envelopes"/>) whose content the user may not read: every one while they sit on the panel
    /// without having declared their interests, those of bidders they declared a conflict with after. For the CSV and the API.
    /// </summary>
    public static async Task<HashSet<Guid>> HiddenResponsesAsync(this PortalDbContext db, string? userId, Guid opportunityId,
        IEnumerable<Tendering.ResponseReading.Envelope> envelopes, CancellationToken ct)
    {
        if (userId is null) return [];
        var seat = await db.Evaluations.AsNoTracking().Where(e => e.OpportunityId == opportunityId).SelectMany(e => e.Seats).FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (seat is null) return [];
        return envelopes.Where(e => !seat.HasDeclared || seat.ConflictedWith(e.Response.ProviderId)).Select(e => e.Response.Id).ToHashSet();
    }

    /// <summary>
    /// Whether the user may read this provider's response: not when they sit on the panel and declared a conflict with it,
    /// nor before they have declared their interests at all. Used by the tendering response page too.
    /// </summary>
    public static async Task<(bool Blocked, bool MustDeclare)> ResponseBlockedAsync(this PortalDbContext db, string? userId, Guid opportunityId, Guid providerId, CancellationToken ct)
    {
        if (userId is null) return (false, false);
        var seat = await db.Evaluations.AsNoTracking().Where(e => e.OpportunityId == opportunityId).SelectMany(e => e.Seats).FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (seat is null) return (false, false);
        if (!seat.HasDeclared) return (false, true);
        return (seat.ConflictedWith(providerId), false);
    }
}

/// <summary>
/// The tender process's steps the evaluation takes (workflow-definitions/tender.v2.json): each fired only when the engine
/// offers it to the commissioner now, so a tender published before v2 (or with no process) simply does not move.
/// </summary>
public sealed class EvaluationProcess(WorkflowRuntime runtime)
{
    public async Task<WorkflowInstance?> AdvanceAsync(Guid opportunityId, Actor actor, CancellationToken ct, params (string Trigger, string? Comment)[] steps)
    {
        var instance = await runtime.FindByBusinessKeyAsync(OpportunityProcess.BusinessKey(opportunityId), ct);
        if (instance is null) return null;
        var who = OpportunityProcess.ActorOf(actor);
        foreach (var (trigger, comment) in steps)
        {
            instance = await runtime.FindAsync(instance.Id, ct) ?? instance;
            var offered = await runtime.AvailableTransitionsAsync(instance, who, ct);
            if (!offered.Any(t => t.Trigger == trigger && t.CanFire)) continue;
            var fired = await runtime.FireAsync(instance.Id, trigger, who, comment, ct: ct);
            if (fired.Outcome != FireOutcome.Fired) throw new InvalidOperationException($"The tender's process did not take the step '{trigger}': {fired.Outcome} {fired.Message}");
        }
        return instance;
    }

    /// <summary>The steps up to evaluation, once the responses are open: close (if the deadline timer has not yet), opened, evaluation.</summary>
    public Task ToEvaluationAsync(Guid opportunityId, Actor actor, CancellationToken ct) =>
        AdvanceAsync(opportunityId, actor, ct, ("close", null), ("open-responses", null), ("start-evaluation", null));
}
