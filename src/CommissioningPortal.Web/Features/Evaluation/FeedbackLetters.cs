using System.Globalization;
using System.Text;
using CommissioningPortal.Documents;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Tendering;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// Feedback letters and the evaluation report, made by the portal's document engine (CommissioningPortal.Documents): the letter's
/// text (drafted by the portal, edited by the commissioner) followed by a table of the bidder's score per question beside the
/// winner's, and the totals.
/// </summary>
public sealed class FeedbackLetters
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(decimal d) => d.ToString("0.##", EnGb);

    /// <summary>The letter the portal drafts for one bidder; the commissioner may edit it before it is sent.</summary>
    public string DraftText(EvaluationBoard board, EvaluationBoard.Bidder bidder)
    {
        var e = board.Evaluation;
        var winner = board.Winner!;
        var won = winner.Response.Id == bidder.Response.Id;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dear {bidder.ProviderName},\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Thank you for your response to \"{board.Opportunity.Title}\".\n\n");
        text.Append(won
            ? "We intend to award the contract to you.\n\n"
            : $"We intend to award the contract to {winner.ProviderName}. Your response was not successful this time.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Quality carried {board.Opportunity.QualityWeight}%, fair work {board.Opportunity.FairWorkWeight}% and price {board.Opportunity.PriceWeight}% of the marks. ");
        text.Append(CultureInfo.InvariantCulture, $"Your total was {Number(bidder.Result.Total)} out of 100");
        text.Append(bidder.Result.Rank is { } rank ? string.Create(CultureInfo.InvariantCulture, $", ranked {rank} of {board.Ranked.Count()}.") : $". Your response was not ranked: {bidder.Result.NotRankedBecause}");
        if (!won) text.Append(CultureInfo.InvariantCulture, $" The successful response scored {Number(winner.Result.Total)}.");
        text.Append("\n\n");
        if (e.Exclusions.FirstOrDefault(x => x.ResponseId == bidder.Response.Id) is { } exclusion)
            text.Append(CultureInfo.InvariantCulture, $"Your bid was excluded: {exclusion.Reason}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The reasons for the decision: {e.AwardReasons}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The contract will not be entered into before the standstill ends on {e.StandstillEndsAt!.Value.UtcDateTime.ToString("d MMMM yyyy", EnGb)}. ");
        text.Append("If you have questions about this decision, reply to this letter before then.\n\n");
        text.Append("Your scores for each question, beside the successful response's, are in the table below.");
        return text.ToString();
    }

    /// <summary>The letter as a PDF: its text, then the scores table.</summary>
    public static byte[] Pdf(EvaluationBoard board, EvaluationBoard.Bidder bidder, string text)
    {
        var winner = board.Winner!;
        var document = new Document();
        document.Metadata.Title = $"Feedback: {board.Opportunity.Title}";
        document.Metadata.Author = "Commissioning Portal";
        document.Heading(1, $"Feedback on your response: {board.Opportunity.Title}");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) document.Paragraph(paragraph.Replace('\n', ' '));
        document.Heading(2, "Scores per question");
        var table = new Table(4, 1, 1) { Caption = "Your score and the successful response's score for each question" }
            .Header("Question", "Your score", "Successful response");
        foreach (var q in board.Scored)
        {
            table.Row($"{q.Number}. {q.Text} (out of {q.ScaleMax})", Number(bidder.Result.QuestionScores.GetValueOrDefault(q.Id)), Number(winner.Result.QuestionScores.GetValueOrDefault(q.Id)));
        }
        table.Row("Quality points", Number(bidder.Result.QualityPoints), Number(winner.Result.QualityPoints));
        table.Row("Fair work points", Number(bidder.Result.FairWorkPoints), Number(winner.Result.FairWorkPoints));
        table.Row("Price points", Number(bidder.Result.PricePoints), Number(winner.Result.PricePoints));
        table.Row("Total (out of 100)", Number(bidder.Result.Total), Number(winner.Result.Total));
        document.Add(table);
        return PdfRenderer.Render(document);
    }

    /// <summary>The evaluation report: panel, weights and formula, ranks and totals, moderation and the award.</summary>
    public static byte[] Report(EvaluationBoard board)
    {
        var o = board.Opportunity;
        var e = board.Evaluation;
        var document = new Document();
        document.Metadata.Title = $"Evaluation report: {o.Title}";
        document.Metadata.Author = "Commissioning Portal";
        document.Heading(1, $"Evaluation report: {o.Title}");
        document.Paragraph($"Weights: quality {o.QualityWeight}%, fair work {o.FairWorkWeight}%, price {o.PriceWeight}%. Price formula: {EvaluationPages.Formula(e.PriceFormula)} {EvaluationScoring.TieRule}");
        document.Paragraph(board.Floor is { } f
            ? $"Sustainable price floor from {f.EffectiveFrom.ToString("d MMMM yyyy", EnGb)}: {TenderingPages.Money(f.FloorPencePerHour)} per hour (Real Living Wage {TenderingPages.Money(f.RealLivingWagePencePerHour)} plus {Number(f.OnCostPercent)}% on-costs)."
            : "No sustainable price floor was set for this authority.");
        document.Heading(2, "Panel");
        document.Add(ListBlock.Bulleted(e.Seats.Select(s => new Paragraph(
            $"{s.Name} ({EvaluationPages.Role(s.Role)}), declared {(s.DeclaredAt is { } d ? TenderingPages.When(d) : "not yet")}{(s.ConflictedProviderIds.Count > 0 ? $"; conflict with {string.Join(", ", board.Bidders.Where(b => s.ConflictedWith(b.Response.ProviderId)).Select(b => b.ProviderName))}" : "")}"))));
        document.Heading(2, "Ranking");
        var ranking = new Table(3, 1, 1, 1, 1, 1) { Caption = "Each bidder's points and rank" }.Header("Bidder", "Quality", "Fair work", "Price", "Total", "Rank");
        foreach (var b in board.Bidders.OrderBy(b => b.Result.Rank ?? int.MaxValue))
            ranking.Row(b.ProviderName, Number(b.Result.QualityPoints), Number(b.Result.FairWorkPoints), Number(b.Result.PricePoints), Number(b.Result.Total),
                b.Result.Rank?.ToString(CultureInfo.InvariantCulture) ?? "Not ranked: " + b.Result.NotRankedBecause);
        document.Add(ranking);
        document.Heading(2, "Moderation");
        var moderation = new Table(2, 2, 1, 3) { Caption = "Consensus scores with reasons" }.Header("Bidder", "Question", "Score", "Reason");
        foreach (var c in e.Consensus.OrderBy(c => c.ResponseId).ThenBy(c => c.QuestionId))
        {
            var bidder = board.Bidders.FirstOrDefault(b => b.Response.Id == c.ResponseId)?.ProviderName ?? "";
            var q = board.Scored.FirstOrDefault(x => x.Id == c.QuestionId);
            moderation.Row(bidder, q is null ? "" : $"{q.Number}. {q.Text}", c.Score.ToString(CultureInfo.InvariantCulture), c.Reason);
        }
        document.Add(moderation);
        document.Heading(2, "Award");
        document.Paragraph(board.Winner is { } w
            ? $"Awarded to {w.ProviderName} on {TenderingPages.When(e.AwardDecidedAt)} by {e.AwardDecidedBy}. Reasons: {e.AwardReasons} Standstill until {TenderingPages.When(e.StandstillEndsAt)}."
            : "The award has not been decided.");
        foreach (var x in e.Exclusions) document.Paragraph($"Excluded: {board.Bidders.FirstOrDefault(b => b.Response.Id == x.ResponseId)?.ProviderName} — {x.Reason} ({x.By}, {TenderingPages.When(x.At)})");
        return PdfRenderer.Render(document);
    }
}

/// <summary>Edits a letter before it is sent.</summary>
public sealed class EditLetter(PortalDbContext db)
{
    public async Task<UseCaseResult<FeedbackLetter>> HandleAsync(Guid opportunityId, Guid responseId, string? text, Actor actor, CancellationToken ct)
    {
        if (await db.OwnOpportunityAsync(actor, opportunityId, ct) is null) return UseCaseResult<FeedbackLetter>.NotFound();
        var letter = await db.FeedbackLetters.FirstOrDefaultAsync(l => l.OpportunityId == opportunityId && l.ResponseId == responseId, ct);
        if (letter is null) return UseCaseResult<FeedbackLetter>.NotFound();
        try
        {
            letter.Edit(text);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<FeedbackLetter>.Done(letter);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<FeedbackLetter>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<FeedbackLetter>.Conflict("A colleague changed this letter at the same moment. Reload the page and try again.");
        }
    }
}

/// <summary>Sends a letter: its PDF is made and kept, and an e-mail to each of the bidder's users goes through the outbox in the same save.</summary>
public sealed class SendLetter(PortalDbContext db, ResponseReading reading, TimeProvider clock, Email.IEmailOutbox outbox, PublicLinks links)
{
    public async Task<UseCaseResult<FeedbackLetter>> HandleAsync(Guid opportunityId, Guid responseId, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        var evaluation = opportunity is null ? null : await db.EvaluationOfAsync(opportunityId, ct);
        var letter = evaluation is null ? null : await db.FeedbackLetters.FirstOrDefaultAsync(l => l.OpportunityId == opportunityId && l.ResponseId == responseId, ct);
        if (letter is null) return UseCaseResult<FeedbackLetter>.NotFound();
        var board = await EvaluationBoard.BuildAsync(db, reading, opportunity!, evaluation!, ct);
        var bidder = board?.Bidders.FirstOrDefault(b => b.Response.Id == responseId);
        if (bidder is null || board!.Winner is null) return UseCaseResult<FeedbackLetter>.NotFound();
        var recipients = await db.Users.AsNoTracking().Where(u => u.ProviderId == letter.ProviderId && u.Email != null).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        if (recipients.Count == 0) return UseCaseResult<FeedbackLetter>.Invalid(FieldError.Form, $"{letter.ProviderName} has no portal user to send the letter to.");
        try
        {
            var pdf = FeedbackLetters.Pdf(board, bidder, letter.Text);
            letter.MarkSent(pdf, clock.GetUtcNow(), actor.Name);
            foreach (var r in recipients)
                outbox.Enqueue(new Email.EmailMessage(r.Email!, r.DisplayName, $"Feedback on your response: {opportunity!.Title}",
                    $"{letter.Text}\n\nRead the letter with your scores per question (PDF): {links.To($"/tenders/{opportunityId}/feedback")}", null, "evaluation-feedback-letter"));
            await db.SaveChangesAsync(ct);
            return UseCaseResult<FeedbackLetter>.Done(letter);
        }
        catch (EvaluationRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<FeedbackLetter>.Invalid(e.Field ?? FieldError.Form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<FeedbackLetter>.Conflict("A colleague sent or changed this letter at the same moment. Reload the page.");
        }
    }
}

/// <summary>
/// The tender process's "awarded" state (entered by the standstill timer, tender.v2.json): the evaluation's standstill ends, the
/// contract is recorded and the award update and contract go into the change log (OCDS awardUpdate and contract releases).
/// A process with no evaluation (a tender awarded outside the portal) is left as it is.
/// </summary>
public sealed class StandstillEndedHandler(PortalDbContext db) : IWorkflowActionHandler
{
    public string Name => "tender-standstill-ended";

    public async Task RunAsync(WorkflowActionContext context, CancellationToken ct)
    {
        if (context.Instance.BusinessKey is not { } key || !key.StartsWith("opportunity:", StringComparison.Ordinal) || !Guid.TryParse(key["opportunity:".Length..], out var opportunityId)) return;
        var evaluation = await db.EvaluationOfAsync(opportunityId, ct);
        if (evaluation is not { Stage: EvaluationStage.Standstill, WinnerResponseId: { } winner }) return;
        var opportunity = await db.Opportunities.FirstAsync(o => o.Id == opportunityId, ct);
        var provider = await (from r in db.TenderResponses join p in db.Providers on r.ProviderId equals p.Id where r.Id == winner select new { p.Id, p.Name }).FirstAsync(ct);
        // The timer fires at or after the standstill's end; the record never says it ended sooner.
        var at = evaluation.StandstillEndsAt is { } ends && ends > context.Now ? ends : context.Now;
        evaluation.EndStandstill(at);
        db.ContractRecords.Add(ContractRecord.For(evaluation, provider.Id, provider.Name, opportunity.Title, opportunity.EstimatedValuePence, opportunity.ContractStartOn, opportunity.DurationMonths, at));
        opportunity.RecordAward(OpportunityChangeKind.AwardUpdated, $"Standstill ended: the award to {provider.Name} is active.", at, "system");
        opportunity.RecordAward(OpportunityChangeKind.ContractAwarded, $"Contract recorded with {provider.Name}.", at.AddMilliseconds(1), "system");
    }
}
