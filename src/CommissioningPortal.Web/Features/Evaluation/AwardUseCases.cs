using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>The moderator's and award decider's writes: each one use case, all-or-nothing, refused with the field named.</summary>
public sealed class ModerationUseCases(PortalDbContext db, TimeProvider clock, ResponseReading reading, EvaluationProcess process, FeedbackLetters letters)
{
    private async Task<(Opportunity, Domain.Evaluations.Evaluation)?> LoadAsync(Guid opportunityId, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        var evaluation = opportunity is null ? null : await db.EvaluationOfAsync(opportunityId, ct);
        return evaluation is null ? null : (opportunity!, evaluation);
    }

    private async Task<UseCaseResult<Domain.Evaluations.Evaluation>> RunAsync(Guid opportunityId, Actor actor, CancellationToken ct,
        Func<Opportunity, Domain.Evaluations.Evaluation, Task> change)
    {
        if (await LoadAsync(opportunityId, actor, ct) is not var (opportunity, evaluation)) return UseCaseResult<Domain.Evaluations.Evaluation>.NotFound();
        try
        {
            await change(opportunity, evaluation);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<Domain.Evaluations.Evaluation>.Done(evaluation);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<Domain.Evaluations.Evaluation>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<Domain.Evaluations.Evaluation>.Conflict("A colleague changed the evaluation at the same moment. Reload the page and try again.");
        }
    }

    /// <summary>Closes scoring; the moderator now sees every score.</summary>
    public Task<UseCaseResult<Domain.Evaluations.Evaluation>> StartModerationAsync(Guid opportunityId, Actor actor, CancellationToken ct) =>
        RunAsync(opportunityId, actor, ct, async (o, e) =>
        {
            e.StartModeration(clock.GetUtcNow());
            await process.ToEvaluationAsync(o.Id, actor, ct);
            await process.AdvanceAsync(o.Id, actor, ct, ("complete-evaluation", null));
        });

    public sealed record ConsensusInput(Guid ResponseId, Guid QuestionId, string? Score, string? Reason);

    public Task<UseCaseResult<Domain.Evaluations.Evaluation>> RecordConsensusAsync(Guid opportunityId, ConsensusInput input, Actor actor, CancellationToken ct) =>
        RunAsync(opportunityId, actor, ct, async (o, e) =>
        {
            var question = (await EvaluationBoard.QuestionnaireAsync(db, o.Id, ct)) is { } q ? EvaluationBoard.ScoredQuestions(q).FirstOrDefault(x => x.Id == input.QuestionId) : null;
            var envelope = (await reading.OpenedAsync(o.Id, ct)).FirstOrDefault(x => x.Response.Id == input.ResponseId);
            if (question is null || envelope is null) throw new EvaluationRuleException("That answer is not part of this evaluation.");
            if (e.SeatOf(actor.UserId) is { } seat && seat.ConflictedWith(envelope.Response.ProviderId))
                throw new EvaluationRuleException("You declared a conflict of interest with this bidder, so a colleague must moderate its scores.");
            int? score = int.TryParse(input.Score, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            e.RecordConsensus(input.ResponseId, input.QuestionId, question.ScaleMax, score, input.Reason, clock.GetUtcNow(), actor.Name);
        });

    public Task<UseCaseResult<Domain.Evaluations.Evaluation>> FinishModerationAsync(Guid opportunityId, Actor actor, CancellationToken ct) =>
        RunAsync(opportunityId, actor, ct, async (o, e) =>
        {
            var q = await EvaluationBoard.QuestionnaireAsync(db, o.Id, ct) ?? throw new EvaluationRuleException("This opportunity has no questionnaire.");
            var responses = (await reading.OpenedAsync(o.Id, ct)).Select(x => x.Response.Id).ToList();
            var required = responses.SelectMany(r => EvaluationBoard.ScoredQuestions(q).Select(x => (r, x.Id))).ToList();
            e.FinishModeration(required, clock.GetUtcNow());
            await process.AdvanceAsync(o.Id, actor, ct, ("moderate", $"Consensus recorded for {required.Count} answers."));
        });

    public Task<UseCaseResult<Domain.Evaluations.Evaluation>> ExcludeAsync(Guid opportunityId, Guid responseId, string? reason, Actor actor, CancellationToken ct) =>
        RunAsync(opportunityId, actor, ct, async (o, e) =>
        {
            if ((await reading.OpenedAsync(o.Id, ct)).All(x => x.Response.Id != responseId)) throw new EvaluationRuleException("That bid is not part of this evaluation.");
            e.Exclude(responseId, reason, clock.GetUtcNow(), actor.Name);
        });

    /// <summary>Decides the award with reasons, drafts every bidder's feedback letter, records the award notice and starts the standstill.</summary>
    public Task<UseCaseResult<Domain.Evaluations.Evaluation>> DecideAwardAsync(Guid opportunityId, Guid? winnerResponseId, string? reasons, Actor actor, CancellationToken ct) =>
        RunAsync(opportunityId, actor, ct, async (o, e) =>
        {
            var board = await EvaluationBoard.BuildAsync(db, reading, o, e, ct) ?? throw new EvaluationRuleException("This opportunity has no questionnaire.");
            var winner = board.Bidders.FirstOrDefault(b => b.Response.Id == winnerResponseId);
            if (winner is null) throw new EvaluationRuleException("Choose the bidder to award the contract to.", "WinnerResponseId");
            var now = clock.GetUtcNow();
            e.DecideAward(winner.Response.Id, winner.Result.Rank is not null, reasons, now, actor.Name);
            o.RecordAward(OpportunityChangeKind.AwardDecided, $"Award decided: {winner.ProviderName}. Standstill until {e.StandstillEndsAt!.Value.UtcDateTime:d MMMM yyyy}.", now, actor.Name);
            var rebuilt = await EvaluationBoard.BuildAsync(db, reading, o, e, ct);
            foreach (var bidder in rebuilt!.Bidders)
                db.FeedbackLetters.Add(FeedbackLetter.Draft(e, bidder.Response.Id, bidder.Response.ProviderId, bidder.ProviderName, letters.DraftText(rebuilt, bidder), now));
            await db.SaveChangesAsync(ct);
            await process.AdvanceAsync(o.Id, actor, ct, ("decide-award", e.AwardReasons));
        });
}

/// <summary>Sets an authority's sustainable price floor from a date (Real Living Wage per hour plus on-costs).</summary>
public sealed class SetPriceFloor(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string? EffectiveFrom, string? RealLivingWage, string? OnCostPercent);

    public async Task<UseCaseResult<SustainablePriceFloor>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.AuthorityId is not { } authorityId) return UseCaseResult<SustainablePriceFloor>.NotFound();
        var errors = new FieldErrors();
        DateOnly from = default;
        if (!DateOnly.TryParseExact(input.EffectiveFrom?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out from))
            errors.Add("EffectiveFrom", "Enter the date the floor takes effect, like 2027-04-01.");
        var wage = TenderingPages.ParsePounds(errors, "RealLivingWage", "The Real Living Wage", input.RealLivingWage);
        if (wage is null && !errors.Has("RealLivingWage")) errors.Add("RealLivingWage", "Enter the Real Living Wage per hour, like 12.60.");
        decimal? onCost = null;
        if (decimal.TryParse(input.OnCostPercent?.Trim().TrimEnd('%'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var pc)) onCost = pc;
        else errors.Add("OnCostPercent", "Enter the on-costs as a percentage, like 38.");
        if (errors.Any) return errors.Invalid<SustainablePriceFloor>();
        try
        {
            var floor = SustainablePriceFloor.Set(authorityId, from, wage, onCost, clock.GetUtcNow(), actor.Name);
            db.SustainablePriceFloors.Add(floor);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<SustainablePriceFloor>.Done(floor);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<SustainablePriceFloor>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
    }
}
