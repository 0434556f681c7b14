using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>A commissioner starts a draft opportunity for their authority; nobody outside sees it until it is published.</summary>
public sealed class CreateOpportunityDraft(PortalDbContext db, OpportunityFormReader reader, TimeProvider clock)
{
    public async Task<UseCaseResult<Opportunity>> HandleAsync(OpportunityForm form, Actor actor, CancellationToken ct)
    {
        if (actor.AuthorityId is not { } authorityId) return UseCaseResult<Opportunity>.NotFound();
        var errors = new FieldErrors();
        var details = await reader.ReadAsync(form, authorityId, errors, ct);
        if (details is null) return errors.Invalid<Opportunity>();
        var opportunity = Opportunity.CreateDraft(authorityId, details, clock.GetUtcNow(), actor.Name);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }
}
