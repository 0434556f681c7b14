using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>A provider asks the commissioner a question about a published opportunity, privately, before questions close.</summary>
public sealed class AskQuestion(PortalDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<Clarification>> HandleAsync(Guid opportunityId, string? question, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId || actor.UserId is not { } userId) return UseCaseResult<Clarification>.NotFound();
        var opportunity = await db.OpenOpportunityAsync(opportunityId, ct);
        if (opportunity is null) return UseCaseResult<Clarification>.NotFound();
        Clarification clarification;
        try
        {
            clarification = Clarification.Ask(opportunity.Id, opportunity.AuthorityId, providerId, userId, question ?? "", clock.GetUtcNow(),
                opportunity.ClarificationDeadline, opportunity.SubmissionDeadline);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<Clarification>.Invalid(e.Field ?? "Question", e.Message);
        }
        db.Clarifications.Add(clarification);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Clarification>.Done(clarification);
    }
}

/// <summary>
/// The commissioner answers a question: to everyone (the question as published, which they may reword so nothing
/// names the asker) or privately with a recorded reason. Everyone who asked, is drafting or follows it gets the new answer by
/// e-mail; a private answer goes to the asker only.
/// </summary>
public sealed class AnswerQuestion(PortalDbContext db, TenderingNotices notices, TimeProvider clock)
{
    public sealed record Input(Guid ClarificationId, bool ToAll, string? PublishedQuestion, string? Answer, string? PrivateReason);

    public async Task<UseCaseResult<Clarification>> HandleAsync(Guid opportunityId, Input input, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        if (opportunity is null) return UseCaseResult<Clarification>.NotFound();
        var clarification = await db.Clarifications.FirstOrDefaultAsync(c => c.Id == input.ClarificationId && c.OpportunityId == opportunityId, ct);
        if (clarification is null) return UseCaseResult<Clarification>.NotFound();
        try
        {
            if (input.ToAll) clarification.AnswerToAll(input.PublishedQuestion, input.Answer, clock.GetUtcNow(), actor.Name);
            else clarification.AnswerPrivately(input.Answer, input.PrivateReason, clock.GetUtcNow(), actor.Name);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<Clarification>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        await notices.AnswerAsync(opportunity, clarification, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult<Clarification>.Conflict("A colleague answered this question at the same moment. Reload the page to see their answer.");
        }
        return UseCaseResult<Clarification>.Done(clarification);
    }
}

/// <summary>
/// One user of the authority opens an opportunity's responses after the deadline; the second, a different user,
/// unseals them (ADR 0019). Each opening is recorded with who and when.
/// </summary>
public sealed class OpenResponses(PortalDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<ResponseOpening>> HandleAsync(Guid opportunityId, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return UseCaseResult<ResponseOpening>.NotFound();
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        if (opportunity is null) return UseCaseResult<ResponseOpening>.NotFound();
        var opening = await db.ResponseOpenings.FirstOrDefaultAsync(o => o.OpportunityId == opportunityId, ct);
        if (opening is null)
        {
            opening = ResponseOpening.For(opportunityId, opportunity.AuthorityId);
            db.ResponseOpenings.Add(opening);
        }
        try
        {
            opening.Open(userId, actor.Name, clock.GetUtcNow(), opportunity.SubmissionDeadline);
            await db.SaveChangesAsync(ct);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<ResponseOpening>.Invalid(FieldError.Form, e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<ResponseOpening>.Conflict("A colleague opened the responses at the same moment. Reload the page and try again.");
        }
        return UseCaseResult<ResponseOpening>.Done(opening);
    }
}
