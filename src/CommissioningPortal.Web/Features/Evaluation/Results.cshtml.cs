using System.Globalization;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// <c>/tendering/{id}/results</c>: after moderation, each bid's price against the authority's sustainable floor (flagged below it,
/// excludable with a recorded reason), the pass/fail gates, points, totals and ranks by the stated tie rule; the award decision with
/// reasons; then the standstill, feedback letters and the contract. CSV of scores, moderation and award; the evaluation report PDF.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ResultsModel(PortalDbContext db, ResponseReading reading, ModerationUseCases moderation) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Guid ExcludeResponseId { get; set; }
    [BindProperty] public string? ExclusionReason { get; set; }
    [BindProperty] public Guid? WinnerResponseId { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public EvaluationBoard Board { get; private set; } = null!;
    public IReadOnlyList<FeedbackLetter> Letters { get; private set; } = [];
    public ContractRecord? Contract { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExcludeAsync(CancellationToken ct)
    {
        var result = await moderation.ExcludeAsync(Id, ExcludeResponseId, ExclusionReason, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, "Exclusion", ct);
        TempData["StatusMessage"] = "The bid is excluded and the reason recorded. It is no longer ranked.";
        return Redirect($"/tendering/{Id}/results");
    }

    public async Task<IActionResult> OnPostAwardAsync(CancellationToken ct)
    {
        var result = await moderation.DecideAwardAsync(Id, WinnerResponseId, Reasons, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, "", ct);
        TempData["StatusMessage"] = $"Award decided. The standstill runs until {TenderingPages.When(result.Value!.StandstillEndsAt)}. Check each feedback letter and send it.";
        return Redirect($"/tendering/{Id}/results");
    }

    /// <summary>Every evaluator's score and comment, every consensus score and reason, the totals and the award: one row each.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var b = Board;
        var names = b.Bidders.ToDictionary(x => x.Response.Id, x => x.ProviderName);
        var questions = b.Scored.ToDictionary(q => q.Id, q => $"Question {q.Number}: {q.Text}");
        var rows = new List<object?[]>();
        foreach (var m in b.Marks.OrderBy(m => names.GetValueOrDefault(m.ResponseId)).ThenBy(m => m.EvaluatorName))
            rows.Add(["Score", names.GetValueOrDefault(m.ResponseId), questions.GetValueOrDefault(m.QuestionId), m.EvaluatorName, m.Score, m.Comment, m.At]);
        foreach (var c in b.Evaluation.Consensus)
            rows.Add(["Consensus", names.GetValueOrDefault(c.ResponseId), questions.GetValueOrDefault(c.QuestionId), c.By, c.Score, c.Reason, c.At]);
        foreach (var x in b.Bidders.OrderBy(x => x.Result.Rank ?? int.MaxValue))
            rows.Add(["Total", x.ProviderName, $"Quality {FeedbackLetters.Number(x.Result.QualityPoints)}; fair work {FeedbackLetters.Number(x.Result.FairWorkPoints)}; price {FeedbackLetters.Number(x.Result.PricePoints)} ({TenderingPages.Money(x.PricePence)})",
                "", x.Result.Total, x.Result.Rank is { } r ? $"Rank {r}" : $"Not ranked: {x.Result.NotRankedBecause}", null]);
        foreach (var x in b.Evaluation.Exclusions)
            rows.Add(["Exclusion", names.GetValueOrDefault(x.ResponseId), "", x.By, "", x.Reason, x.At]);
        if (b.Winner is { } w)
            rows.Add(["Award", w.ProviderName, $"Standstill until {TenderingPages.When(b.Evaluation.StandstillEndsAt)}", b.Evaluation.AwardDecidedBy, w.Result.Total, b.Evaluation.AwardReasons, b.Evaluation.AwardDecidedAt]);
        return File(Csv.Bytes(["Kind", "Bidder", "Question or detail", "By", "Score or total", "Comment, reason or rank", "At"], rows, r => r), Csv.ContentType, $"evaluation-{Id:N}.csv");
    }

    public async Task<IActionResult> OnGetReportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return File(FeedbackLetters.Report(Board), "application/pdf", $"evaluation-report-{Id:N}.pdf");
    }

    private async Task<IActionResult> RefusedAsync<T>(UseCaseResult<T> result, string prefix, CancellationToken ct)
    {
        if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
        if (prefix.Length > 0)
        {
            result.AddTo(ModelState, prefix);
            Response.StatusCode = result.Outcome == UseCaseOutcome.Conflict ? 409 : 400;
            return Page();
        }
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        var evaluation = opportunity is null ? null : await db.Evaluations.AsNoTracking().AsSplitQuery().Include(e => e.Seats).Include(e => e.Consensus).Include(e => e.Exclusions)
            .FirstOrDefaultAsync(e => e.OpportunityId == Id, ct);
        if (evaluation is null || evaluation.Stage == EvaluationStage.Scoring) return false;
        var board = await EvaluationBoard.BuildAsync(db, reading, opportunity!, evaluation, ct);
        if (board is null) return false;
        Board = board;
        Letters = await db.FeedbackLetters.AsNoTracking().Where(l => l.EvaluationId == evaluation.Id).OrderBy(l => l.ProviderName).ToListAsync(ct);
        Contract = await db.ContractRecords.AsNoTracking().FirstOrDefaultAsync(c => c.EvaluationId == evaluation.Id, ct);
        return true;
    }

    public static string Points(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}
