using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// Everything the moderation, results, award, letters, CSV and report read about one evaluation: the opened bidders, the scored
/// questions, every evaluator's marks, prices against the sustainable floor, pass/fail gates, and the totals and ranks from
/// <see cref="EvaluationScoring"/>. Built only once the responses are open (the data layer gives nothing before, ADR 0019).
/// </summary>
public sealed class EvaluationBoard
{
    public sealed record Bidder(TenderResponse Response, string ProviderName, long? PricePence, bool PassedGates, IReadOnlyList<string> BelowFloor, BidderResult Result);

    public required Opportunity Opportunity { get; init; }
    public required Questionnaire Questionnaire { get; init; }
    public required Domain.Evaluations.Evaluation Evaluation { get; init; }
    public required IReadOnlyList<TenderQuestion> Scored { get; init; }
    public required IReadOnlySet<Guid> FairWork { get; init; }
    public required IReadOnlyList<Bidder> Bidders { get; init; }
    public required IReadOnlyList<EvaluatorScore> Marks { get; init; }
    public required SustainablePriceFloor? Floor { get; init; }

    public IEnumerable<Bidder> Ranked => Bidders.Where(b => b.Result.Rank is not null).OrderBy(b => b.Result.Rank);

    public Bidder? Winner => Evaluation.WinnerResponseId is { } w ? Bidders.FirstOrDefault(b => b.Response.Id == w) : null;

    /// <summary>Questions in a section whose title starts "Fair work" count towards the fair-work weight; the rest of the scored questions are quality.</summary>
    public static bool IsFairWork(Questionnaire q, TenderQuestion question) =>
        q.Sections.FirstOrDefault(s => s.Id == question.SectionId)?.Title.StartsWith("Fair work", StringComparison.OrdinalIgnoreCase) == true;

    public static IReadOnlyList<TenderQuestion> ScoredQuestions(Questionnaire q) => q.QuestionsFor(false).Where(x => x.Kind == QuestionKind.Scored && x.ScaleMax > 0).ToList();

    public static Task<Questionnaire?> QuestionnaireAsync(PortalDbContext db, Guid opportunityId, CancellationToken ct) =>
        db.Questionnaires.AsNoTracking().AsSplitQuery().Include(q => q.Sections).Include(q => q.Questions).Include(q => q.PriceLines)
            .FirstOrDefaultAsync(q => q.OpportunityId == opportunityId, ct);

    public static async Task<EvaluationBoard?> BuildAsync(PortalDbContext db, ResponseReading reading, Opportunity opportunity, Domain.Evaluations.Evaluation evaluation, CancellationToken ct)
    {
        var questionnaire = await QuestionnaireAsync(db, opportunity.Id, ct);
        if (questionnaire is null) return null;
        var envelopes = await reading.OpenedAsync(opportunity.Id, ct);
        var (answers, prices, _) = await reading.ContentAsync(opportunity.Id, null, ct);
        var marks = await db.EvaluatorScores.AsNoTracking().Where(s => s.EvaluationId == evaluation.Id).ToListAsync(ct);
        var floors = await db.SustainablePriceFloors.AsNoTracking().Where(f => f.AuthorityId == opportunity.AuthorityId).ToListAsync(ct);
        var on = DateOnly.FromDateTime((opportunity.SubmissionDeadline ?? opportunity.CreatedAt).UtcDateTime);
        var floor = SustainablePriceFloor.InEffect(floors, on);
        var scored = ScoredQuestions(questionnaire);
        var fairWork = scored.Where(x => IsFairWork(questionnaire, x)).Select(x => x.Id).ToHashSet();
        var gates = questionnaire.Questions.Where(x => x.Kind == QuestionKind.PassFail).Select(x => x.Id).ToHashSet();
        var perHour = questionnaire.PriceLines.Where(p => p.Unit == PriceUnit.PerHour).ToDictionary(p => p.Id);

        var rows = envelopes.Select(e =>
        {
            var mine = prices.Where(p => p.ResponseId == e.Response.Id && p.AmountPence is not null).ToList();
            long? total = mine.Count == 0 ? null : mine.Sum(p => p.AmountPence!.Value);
            var passed = !answers.Any(a => a.ResponseId == e.Response.Id && gates.Contains(a.QuestionId) && a.Text == "no");
            var below = floor is null ? [] : mine.Where(p => perHour.ContainsKey(p.PriceLineId) && p.AmountPence < floor.FloorPencePerHour)
                .Select(p => $"{perHour[p.PriceLineId].Description}: {TenderingPages.Money(p.AmountPence)} per hour is below the floor of {TenderingPages.Money(floor.FloorPencePerHour)}").ToList();
            return (e, total, passed, below);
        }).ToList();

        var input = new ScoringInput(opportunity.QualityWeight, opportunity.PriceWeight, opportunity.FairWorkWeight, evaluation.PriceFormula,
            scored.Select(x => new ScoringQuestion(x.Id, x.Weight, x.ScaleMax, fairWork.Contains(x.Id))).ToList(),
            rows.Select(r => new ScoringBidder(r.e.Response.Id, r.e.Response.SubmittedAt ?? r.e.Response.UpdatedAt, r.total, r.passed, evaluation.IsExcluded(r.e.Response.Id))).ToList(),
            marks.Select(m => new ScoreMark(m.ResponseId, m.QuestionId, m.EvaluatorId, m.Score)).ToList(),
            evaluation.Consensus.Select(c => new AgreedMark(c.ResponseId, c.QuestionId, c.Score)).ToList());
        var results = EvaluationScoring.Score(input).ToDictionary(r => r.ResponseId);
        return new EvaluationBoard
        {
            Opportunity = opportunity, Questionnaire = questionnaire, Evaluation = evaluation, Scored = scored, FairWork = fairWork, Marks = marks, Floor = floor,
            Bidders = rows.Select(r => new Bidder(r.e.Response, r.e.ProviderName, r.total, r.passed, r.below, results[r.e.Response.Id])).ToList(),
        };
    }
}
