using BenchmarkDotNet.Attributes;
using CommissioningPortal.Domain.Evaluations;

namespace CommissioningPortal.Benchmarks.Evaluation;

/// <summary>
/// Issue 16: totals and ranks for 200 bidders × 40 questions × 5 evaluators (40,000 evaluator scores, plus a consensus score for a
/// tenth of the answers), by the pure <see cref="EvaluationScoring.Score"/> the results page, CSV, letters and report use.
/// Target: under 50 ms.
/// </summary>
[MemoryDiagnoser, MedianColumn, MinColumn, MaxColumn]
public class EvaluationBenchmarks
{
    private ScoringInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        var questions = Enumerable.Range(0, 40).Select(i => new ScoringQuestion(Guid.NewGuid(), 1 + random.Next(10), i % 3 == 0 ? 10 : 4, i >= 35)).ToList();
        var start = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var bidders = Enumerable.Range(0, 200).Select(i => new ScoringBidder(Guid.NewGuid(), start.AddMinutes(i), 1500 + random.Next(1500), i % 25 != 0, i % 40 == 1)).ToList();
        var marks = new List<ScoreMark>(200 * 40 * 5);
        var agreed = new List<AgreedMark>();
        foreach (var b in bidders)
            foreach (var q in questions)
            {
                for (var e = 0; e < 5; e++) marks.Add(new ScoreMark(b.ResponseId, q.Id, $"evaluator-{e}", random.Next(q.ScaleMax + 1)));
                if (random.Next(10) == 0) agreed.Add(new AgreedMark(b.ResponseId, q.Id, random.Next(q.ScaleMax + 1)));
            }
        _input = new ScoringInput(60, 30, 10, PriceFormula.LowestPriceRatio, questions, bidders, marks, agreed);
        var ranked = EvaluationScoring.Score(_input).Count(r => r.Rank is not null);
        Console.WriteLine($"// {bidders.Count} bidders, {questions.Count} questions, {marks.Count} evaluator scores, {agreed.Count} consensus: {ranked} ranked");
    }

    [Benchmark]
    public int TotalsAndRanks() => EvaluationScoring.Score(_input).Count;
}
