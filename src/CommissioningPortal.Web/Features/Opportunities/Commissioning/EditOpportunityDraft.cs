using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>A commissioner changes a draft (no change log: nobody outside has seen it). A published one is amended instead (<see cref="AmendOpportunity"/>).</summary>
public sealed class EditOpportunityDraft(PortalDbContext db, OpportunityFormReader reader)
{
    public async Task<UseCaseResult<Opportunity>> HandleAsync(Guid id, OpportunityForm form, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<Opportunity>.NotFound();
        if (opportunity.Status != OpportunityStatus.Draft) return UseCaseResult<Opportunity>.Invalid(FieldError.Form, "Only a draft can be edited; a published opportunity is amended, with a note saying what changed.");
        var errors = new FieldErrors();
        var details = await reader.ReadAsync(form, opportunity.AuthorityId, errors, ct);
        if (details is null) return errors.Invalid<Opportunity>();
        opportunity.EditDraft(details);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }
}
