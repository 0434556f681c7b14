using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// A commissioner amends a published opportunity with a note saying what changed and why. The change log
/// (shown publicly) records which fields changed; everyone following it is e-mailed, in the same save.
/// </summary>
public sealed class AmendOpportunity(PortalDbContext db, OpportunityFormReader reader, OpportunityAlerts alerts, TimeProvider clock)
{
    public const string NoteField = "Note";

    public async Task<UseCaseResult<Opportunity>> HandleAsync(Guid id, OpportunityForm form, string? note, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<Opportunity>.NotFound();
        if (opportunity.Status != OpportunityStatus.Published) return UseCaseResult<Opportunity>.Invalid(FieldError.Form, "Only a published opportunity can be amended.");
        var errors = new FieldErrors();
        var details = await reader.ReadAsync(form, opportunity.AuthorityId, errors, ct);
        if (string.IsNullOrWhiteSpace(note)) errors.Add(NoteField, "Say what changed and why, for everyone reading the opportunity.");
        if (details is null || errors.Any) return errors.Invalid<Opportunity>();
        details = SameMinutesKept(details, opportunity.Details());
        OpportunityChange change;
        try
        {
            change = opportunity.Amend(details, note!, clock.GetUtcNow(), actor.Name);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<Opportunity>(e, e.Field switch { "Note" => NoteField, null => FieldError.Form, var f => f });
        }
        await alerts.AmendedAsync(opportunity, change, ct);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Opportunity>.Done(opportunity);
    }

    /// <summary>
    /// The form shows times to the minute: a time typed back unchanged keeps the stored one (the moment of
    /// publication has seconds), so it is not reported as changed.
    /// </summary>
    internal static OpportunityDetails SameMinutesKept(OpportunityDetails typed, OpportunityDetails stored)
    {
        static DateTimeOffset? Keep(DateTimeOffset? t, DateTimeOffset? s) => UkTime.Format(t) == UkTime.Format(s) ? s : t;
        return typed with
        {
            PublicationAt = Keep(typed.PublicationAt, stored.PublicationAt),
            ClarificationDeadline = Keep(typed.ClarificationDeadline, stored.ClarificationDeadline),
            SubmissionDeadline = Keep(typed.SubmissionDeadline, stored.SubmissionDeadline),
        };
    }
}
