using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// A commissioner closes a published opportunity, or cancels a draft or published one with a reason shown
/// publicly; followers are e-mailed. The process takes its closing or cancelling step in the same transaction when the engine offers it.
/// </summary>
public sealed class CloseOrCancelOpportunity(PortalDbContext db, OpportunityProcess process, OpportunityAlerts alerts, TimeProvider clock)
{
    public const string ReasonField = "Reason";

    public async Task<UseCaseResult<Opportunity>> CloseAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<Opportunity>.NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = opportunity.Changes.Count;
        try
        {
            opportunity.Close(clock.GetUtcNow(), actor.Name);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<Opportunity>(e, FieldError.Form);
        }
        await alerts.ChangedSinceAsync(opportunity, before, ct);
        await db.SaveChangesAsync(ct);
        await process.CloseAsync(opportunity, actor, ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }

    public async Task<UseCaseResult<Opportunity>> CancelAsync(Guid id, string? reason, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<Opportunity>.NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = opportunity.Changes.Count;
        try
        {
            opportunity.Cancel(reason ?? "", clock.GetUtcNow(), actor.Name);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<Opportunity>(e, e.Field is null ? FieldError.Form : ReasonField);
        }
        await alerts.ChangedSinceAsync(opportunity, before, ct);
        await db.SaveChangesAsync(ct);
        await process.CancelAsync(opportunity, opportunity.CancellationReason!, actor, ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }
}
