using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>Adds someone of the authority to an opportunity's panel by e-mail: a commissioner, or an invited lived-experience panel member.</summary>
public sealed class AddPanelMember(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, Email.IEmailOutbox outbox, PublicLinks links)
{
    public sealed record Input(string? Email);

    public async Task<UseCaseResult<PanelSeat>> HandleAsync(Guid opportunityId, Input input, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        if (opportunity is null) return UseCaseResult<PanelSeat>.NotFound();
        if (string.IsNullOrWhiteSpace(input.Email)) return UseCaseResult<PanelSeat>.Invalid("Email", "Enter the e-mail address of the person to add to the panel.");
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null || user.AuthorityId != opportunity.AuthorityId)
            return UseCaseResult<PanelSeat>.Invalid("Email", "Nobody with that e-mail address works with your authority. Lived-experience members need a portal account first.");
        var roles = await users.GetRolesAsync(user);
        PanelRole role;
        if (roles.Contains(Roles.Commissioner)) role = PanelRole.Commissioner;
        else if (roles.Contains(Roles.PanelMember)) role = PanelRole.LivedExperience;
        else return UseCaseResult<PanelSeat>.Invalid("Email", "Only commissioners and lived-experience panel members can sit on an evaluation panel.");

        var evaluation = await db.EvaluationOfAsync(opportunityId, ct);
        if (evaluation is null)
        {
            evaluation = Domain.Evaluations.Evaluation.Start(opportunityId, opportunity.AuthorityId, clock.GetUtcNow(), actor.Name);
            db.Evaluations.Add(evaluation);
        }
        try
        {
            var seat = evaluation.AddMember(user.Id, user.DisplayName.Length > 0 ? user.DisplayName : user.Email!, user.Email!, role);
            outbox.Enqueue(new Email.EmailMessage(user.Email!, user.DisplayName, $"You are on the evaluation panel for {opportunity.Title}",
                $"{actor.Name} has asked you to sit on the evaluation panel for \"{opportunity.Title}\".\n\nBefore you see any response you will be asked whether you know any of the bidders. Then you score {(role == PanelRole.LivedExperience ? "the questions you are given" : "the quality questions")} on your own; nobody sees your scores until moderation.\n\n{links.To($"/evaluation/{opportunityId}")}",
                null, "evaluation-panel-invitation"));
            await db.SaveChangesAsync(ct);
            return UseCaseResult<PanelSeat>.Done(seat);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Conflict("A colleague changed the panel at the same moment. Reload the page and try again.");
        }
    }
}

/// <summary>Gives a lived-experience member the quality questions they score.</summary>
public sealed class AssignQuestions(PortalDbContext db)
{
    public sealed record Input(string? UserId, IReadOnlyList<Guid> QuestionIds);

    public async Task<UseCaseResult<PanelSeat>> HandleAsync(Guid opportunityId, Input input, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        var evaluation = opportunity is null ? null : await db.EvaluationOfAsync(opportunityId, ct);
        if (evaluation is null) return UseCaseResult<PanelSeat>.NotFound();
        var questionnaire = await EvaluationBoard.QuestionnaireAsync(db, opportunityId, ct);
        var quality = questionnaire is null ? [] : EvaluationBoard.ScoredQuestions(questionnaire).Where(q => !EvaluationBoard.IsFairWork(questionnaire, q)).Select(q => q.Id).ToHashSet();
        try
        {
            evaluation.Assign(input.UserId ?? "", input.QuestionIds, quality);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<PanelSeat>.Done(evaluation.SeatOf(input.UserId)!);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Conflict("A colleague changed the panel at the same moment. Reload the page and try again.");
        }
    }
}

/// <summary>A panel member's declaration of interests, before they see any response (the bidders are named, nothing more).</summary>
public sealed class DeclareInterests(PortalDbContext db, TimeProvider clock, ResponseReading reading)
{
    public sealed record Input(IReadOnlyList<Guid> ConflictedProviderIds, string? Note, bool Confirmed);

    public async Task<UseCaseResult<PanelSeat>> HandleAsync(Guid opportunityId, Input input, Actor actor, CancellationToken ct)
    {
        if (await db.SeatAsync(actor, opportunityId, ct) is not var (_, evaluation, seat)) return UseCaseResult<PanelSeat>.NotFound();
        var bidders = (await reading.OpenedAsync(opportunityId, ct)).Select(e => e.Response.ProviderId).ToHashSet();
        if (bidders.Count == 0) return UseCaseResult<PanelSeat>.Invalid(FieldError.Form, "The responses are not open yet. You can declare your interests once they are.");
        if (input.ConflictedProviderIds.Any(p => !bidders.Contains(p))) return UseCaseResult<PanelSeat>.Invalid("ConflictedProviderIds", "Choose from the bidders listed.");
        if (!input.Confirmed) return UseCaseResult<PanelSeat>.Invalid("Confirmed", "Confirm that your declaration is complete and true.");
        try
        {
            evaluation.Declare(seat.UserId, input.ConflictedProviderIds, input.Note, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return UseCaseResult<PanelSeat>.Done(seat);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PanelSeat>.Conflict("The panel changed at the same moment. Reload the page and try again.");
        }
    }
}

/// <summary>One evaluator's scores and comments for one bidder, on the questions they score; all or nothing.</summary>
public sealed class ScoreResponse(PortalDbContext db, TimeProvider clock, ResponseReading reading)
{
    public sealed record Input(IReadOnlyDictionary<Guid, string?> Scores, IReadOnlyDictionary<Guid, string?> Comments);

    public async Task<UseCaseResult<int>> HandleAsync(Guid opportunityId, Guid responseId, Input input, Actor actor, CancellationToken ct)
    {
        if (await db.SeatAsync(actor, opportunityId, ct) is not var (_, evaluation, seat)) return UseCaseResult<int>.NotFound();
        var envelope = (await reading.OpenedAsync(opportunityId, ct)).FirstOrDefault(e => e.Response.Id == responseId);
        if (envelope is null || seat.ConflictedWith(envelope.Response.ProviderId)) return UseCaseResult<int>.NotFound();
        var questionnaire = await EvaluationBoard.QuestionnaireAsync(db, opportunityId, ct);
        if (questionnaire is null) return UseCaseResult<int>.NotFound();
        var mine = EvaluationBoard.ScoredQuestions(questionnaire).Where(q => seat.Scores(q.Id)).ToList();
        var existing = await db.EvaluatorScores.Where(s => s.EvaluationId == evaluation.Id && s.EvaluatorId == seat.UserId && s.ResponseId == responseId).ToListAsync(ct);
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var q in mine)
        {
            var typed = input.Scores.GetValueOrDefault(q.Id);
            int? score = int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            try
            {
                var before = existing.FirstOrDefault(s => s.QuestionId == q.Id);
                var s = EvaluatorScore.Record(before, evaluation, seat, responseId, q.Id, q.Number, q.ScaleMax, score, input.Comments.GetValueOrDefault(q.Id), now);
                if (before is null) db.EvaluatorScores.Add(s);
                count++;
            }
            catch (EvaluationRuleException e)
            {
                errors.Add(e.Field ?? FieldError.Form, e.Message);
                if (e.Field is null) break;
            }
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.Invalid<int>();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<int>.Conflict("Your scores were saved from another window at the same moment. Reload the page and check them.");
        }
        return UseCaseResult<int>.Done(count);
    }
}
