namespace CommissioningPortal.Domain.Evaluations;

/// <summary>How price is turned into points (the formula the evaluation states before anyone scores).</summary>
public enum PriceFormula
{
    /// <summary>Price points = price weight × lowest ranked price ÷ this bidder's price (the lowest price gets the full weight).</summary>
    LowestPriceRatio = 0,
}

/// <summary>A question as the arithmetic sees it: its weight, the top of its scale, and whether it counts towards fair work rather than quality.</summary>
public readonly record struct ScoringQuestion(Guid Id, int Weight, int ScaleMax, bool FairWork);

/// <summary>A bidder as the arithmetic sees it. <paramref name="PricePence"/> is the sum of its price lines; null when it gave none.</summary>
public readonly record struct ScoringBidder(Guid ResponseId, DateTimeOffset SubmittedAt, long? PricePence, bool PassedGates, bool Excluded);

/// <summary>One evaluator's score for one bidder's answer to one question.</summary>
public readonly record struct ScoreMark(Guid ResponseId, Guid QuestionId, string EvaluatorId, int Score);

/// <summary>The consensus score the moderator recorded for one bidder's answer to one question.</summary>
public readonly record struct AgreedMark(Guid ResponseId, Guid QuestionId, int Score);

public sealed record ScoringInput(
    int QualityWeight,
    int PriceWeight,
    int FairWorkWeight,
    PriceFormula Formula,
    IReadOnlyList<ScoringQuestion> Questions,
    IReadOnlyList<ScoringBidder> Bidders,
    IReadOnlyList<ScoreMark> Marks,
    IReadOnlyList<AgreedMark> Agreed);

/// <summary>One bidder's outcome. <see cref="Rank"/> is null when it is not ranked (<see cref="NotRankedBecause"/> says why).</summary>
public sealed record BidderResult(
    Guid ResponseId,
    IReadOnlyDictionary<Guid, decimal> QuestionScores,
    decimal QualityPoints,
    decimal FairWorkPoints,
    decimal PricePoints,
    decimal Total,
    int? Rank,
    string? NotRankedBecause);

/// <summary>
/// The scoring arithmetic of an evaluation (issue 16 part 3), a pure function of its input: no clock, no database.
/// Each answer's score is the moderator's consensus score when there is one, otherwise the mean of the evaluators' scores.
/// Quality points = quality weight × Σ(question weight × score ÷ scale top) ÷ Σ question weight over the quality questions;
/// fair work points likewise over the fair-work questions (when there are none, the fair-work weight is earned by the quality
/// questions' fraction); price points by the stated <see cref="PriceFormula"/> among the ranked bidders. A bidder that failed
/// a pass/fail gate, was excluded with a recorded reason, or gave no price is not ranked.
/// The tie rule: equal totals (to two decimal places) rank by the higher quality and fair-work points, then the lower price,
/// then the earlier submission.
/// </summary>
public static class EvaluationScoring
{
    public const string TieRule = "Equal totals (to two decimal places) are ranked by the higher quality score, then the lower price, then the earlier submission.";

    public static IReadOnlyList<BidderResult> Score(ScoringInput input)
    {
        var questionIndex = new Dictionary<Guid, int>(input.Questions.Count);
        for (var i = 0; i < input.Questions.Count; i++) questionIndex[input.Questions[i].Id] = i;
        var bidderIndex = new Dictionary<Guid, int>(input.Bidders.Count);
        for (var i = 0; i < input.Bidders.Count; i++) bidderIndex[input.Bidders[i].ResponseId] = i;

        var q = input.Questions.Count;
        var sums = new decimal[input.Bidders.Count * q];
        var counts = new int[input.Bidders.Count * q];
        foreach (var m in input.Marks)
        {
            if (!bidderIndex.TryGetValue(m.ResponseId, out var b) || !questionIndex.TryGetValue(m.QuestionId, out var j)) continue;
            sums[b * q + j] += m.Score;
            counts[b * q + j]++;
        }
        var agreed = new int?[input.Bidders.Count * q];
        foreach (var a in input.Agreed)
        {
            if (!bidderIndex.TryGetValue(a.ResponseId, out var b) || !questionIndex.TryGetValue(a.QuestionId, out var j)) continue;
            agreed[b * q + j] = a.Score;
        }

        var qualityWeights = 0;
        var fairWeights = 0;
        foreach (var question in input.Questions)
        {
            if (question.FairWork) fairWeights += question.Weight;
            else qualityWeights += question.Weight;
        }
        var hasFairWork = input.Questions.Any(x => x.FairWork);

        var fractions = new (decimal Quality, decimal Fair, Dictionary<Guid, decimal> Scores)[input.Bidders.Count];
        for (var b = 0; b < input.Bidders.Count; b++)
        {
            decimal quality = 0, fair = 0;
            var scores = new Dictionary<Guid, decimal>(q);
            for (var j = 0; j < q; j++)
            {
                var question = input.Questions[j];
                var cell = b * q + j;
                var score = agreed[cell] is { } s ? s : counts[cell] == 0 ? 0m : sums[cell] / counts[cell];
                scores[question.Id] = decimal.Round(score, 2);
                if (question.ScaleMax <= 0) continue;
                var part = question.Weight * score / question.ScaleMax;
                if (question.FairWork) fair += part;
                else quality += part;
            }
            fractions[b] = (qualityWeights == 0 ? 0 : quality / qualityWeights, fairWeights == 0 ? 0 : fair / fairWeights, scores);
        }

        long? lowest = null;
        foreach (var bidder in input.Bidders)
        {
            if (!Ranked(bidder)) continue;
            if (lowest is null || bidder.PricePence < lowest) lowest = bidder.PricePence;
        }

        var results = new BidderResult[input.Bidders.Count];
        for (var b = 0; b < input.Bidders.Count; b++)
        {
            var bidder = input.Bidders[b];
            var (qualityFraction, fairFraction, scores) = fractions[b];
            var qualityPoints = input.QualityWeight * qualityFraction;
            var fairPoints = input.FairWorkWeight * (hasFairWork ? fairFraction : qualityFraction);
            decimal pricePoints = 0;
            if (Ranked(bidder) && lowest is { } low && bidder.PricePence is { } price)
                pricePoints = price == 0 ? input.PriceWeight : input.PriceWeight * (decimal)low / price;
            var total = decimal.Round(qualityPoints + fairPoints + pricePoints, 2);
            results[b] = new BidderResult(bidder.ResponseId, scores, decimal.Round(qualityPoints, 2), decimal.Round(fairPoints, 2), decimal.Round(pricePoints, 2), total, null,
                bidder.Excluded ? "Excluded by the commissioner (reason recorded)."
                : !bidder.PassedGates ? "Failed a pass/fail question."
                : bidder.PricePence is null ? "Gave no price." : null);
        }

        var order = Enumerable.Range(0, results.Length).Where(i => results[i].NotRankedBecause is null)
            .OrderByDescending(i => results[i].Total)
            .ThenByDescending(i => results[i].QualityPoints + results[i].FairWorkPoints)
            .ThenBy(i => input.Bidders[i].PricePence)
            .ThenBy(i => input.Bidders[i].SubmittedAt)
            .ToList();
        for (var r = 0; r < order.Count; r++) results[order[r]] = results[order[r]] with { Rank = r + 1 };
        return results;
    }

    private static bool Ranked(ScoringBidder bidder) => bidder.PassedGates && !bidder.Excluded && bidder.PricePence is not null;

    /// <summary>The spread of scores for one answer (highest − lowest) at or above which moderation highlights it: a third of the scale, at least 2.</summary>
    public static int LargeSpread(int scaleMax) => Math.Max(2, (int)Math.Ceiling(scaleMax / 3m));
}
