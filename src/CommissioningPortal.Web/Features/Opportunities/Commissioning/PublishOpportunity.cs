using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// A commissioner publishes a draft, after the confirmation page. In one transaction: the opportunity is
/// published, its kind's process starts and takes its opening step, and everyone whose saved search asks
/// for it at once is e-mailed. A draft with problems stays a draft, with every problem listed.
/// </summary>
public sealed class PublishOpportunity(PortalDbContext db, OpportunityProcess process, OpportunityAlerts alerts, TimeProvider clock)
{
    public async Task<UseCaseResult<Opportunity>> HandleAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<Opportunity>.NotFound();
        var now = clock.GetUtcNow();
        if (opportunity.PublishProblems(now) is { Count: > 0 } problems)
            return UseCaseResult<Opportunity>.Invalid(problems.Select(p => new FieldError(FieldError.Form, p)).ToList());
        var authorityName = await db.Authorities.Where(a => a.Id == opportunity.AuthorityId).Select(a => a.Name).SingleAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        opportunity.Publish(now, actor.Name);
        await alerts.PublishedAsync(opportunity, authorityName, ct);
        await db.SaveChangesAsync(ct);
        await process.StartAsync(opportunity, actor, ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }
}
