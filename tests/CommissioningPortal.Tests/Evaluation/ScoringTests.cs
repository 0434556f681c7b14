using CommissioningPortal.Domain.Evaluations;
using Xunit;

namespace CommissioningPortal.Tests.Evaluation;

/// <summary>The scoring arithmetic (issue 16 part 3) as a pure function: weights, consensus over means, price formula, gates, exclusions, the tie rule.</summary>
public sealed class ScoringTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Q1 = Guid.NewGuid(), Q2 = Guid.NewGuid(), Fair = Guid.NewGuid();

    private static ScoringInput Input(IReadOnlyList<ScoringBidder> bidders, IReadOnlyList<ScoreMark> marks, IReadOnlyList<AgreedMark>? agreed = null, bool fairWork = false) =>
        new(60, 30, 10, PriceFormula.LowestPriceRatio,
            fairWork ? [new(Q1, 40, 4, false), new(Q2, 60, 4, false), new(Fair, 100, 5, true)] : [new(Q1, 40, 4, false), new(Q2, 60, 4, false)],
            bidders, marks, agreed ?? []);

    [Fact]
    public void Quality_is_weighted_by_question_the_mean_of_evaluators_counts_until_a_consensus_replaces_it_and_price_is_lowest_over_own()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var marks = new List<ScoreMark> { new(a, Q1, "x", 4), new(a, Q1, "y", 2), new(a, Q2, "x", 4), new(b, Q1, "x", 2), new(b, Q2, "x", 2) };
        var results = EvaluationScoring.Score(Input([new(a, T0, 2000, true, false), new(b, T0, 1000, true, false)], marks)).ToDictionary(r => r.ResponseId);
        // a: Q1 mean 3 of 4, Q2 4 of 4 → (40×0.75 + 60×1)/100 = 0.9 → quality 54, fair work (no fair-work questions) 9; price 30 × 1000/2000 = 15.
        Assert.Equal((54m, 9m, 15m, 78m, 1), (results[a].QualityPoints, results[a].FairWorkPoints, results[a].PricePoints, results[a].Total, results[a].Rank!.Value));
        Assert.Equal(3m, results[a].QuestionScores[Q1]);
        // b: half marks → 30 + 5 + 30 = 65.
        Assert.Equal((65m, 2), (results[b].Total, results[b].Rank!.Value));

        var moderated = EvaluationScoring.Score(Input([new(a, T0, 2000, true, false), new(b, T0, 1000, true, false)], marks, [new(a, Q1, 0), new(a, Q2, 0)])).ToDictionary(r => r.ResponseId);
        Assert.Equal((15m, 2), (moderated[a].Total, moderated[a].Rank!.Value));
        Assert.Equal(1, moderated[b].Rank);
    }

    [Fact]
    public void Fair_work_questions_carry_the_fair_work_weight()
    {
        var a = Guid.NewGuid();
        var r = Assert.Single(EvaluationScoring.Score(Input([new(a, T0, 1000, true, false)], [new(a, Q1, "x", 4), new(a, Q2, "x", 4), new(a, Fair, "x", 1)], fairWork: true)));
        Assert.Equal((60m, 2m, 30m, 92m), (r.QualityPoints, r.FairWorkPoints, r.PricePoints, r.Total));
    }

    [Fact]
    public void Failed_gates_exclusions_and_missing_prices_are_not_ranked_nor_set_the_lowest_price()
    {
        var ok = Guid.NewGuid();
        var failed = Guid.NewGuid();
        var excluded = Guid.NewGuid();
        var priceless = Guid.NewGuid();
        var results = EvaluationScoring.Score(Input([new(ok, T0, 2000, true, false), new(failed, T0, 500, false, false), new(excluded, T0, 400, true, true), new(priceless, T0, null, true, false)], []))
            .ToDictionary(r => r.ResponseId);
        Assert.Equal((1, 30m), (results[ok].Rank!.Value, results[ok].PricePoints));
        Assert.Equal("Failed a pass/fail question.", results[failed].NotRankedBecause);
        Assert.Equal("Excluded by the commissioner (reason recorded).", results[excluded].NotRankedBecause);
        Assert.Equal("Gave no price.", results[priceless].NotRankedBecause);
        Assert.All(new[] { failed, excluded, priceless }, id => Assert.Null(results[id].Rank));
    }

    [Fact]
    public void Equal_totals_rank_by_quality_then_lower_price_then_earlier_submission()
    {
        // Same total 65: c has more quality (60+5 vs 35+30), so ranks first; d and e are equal in everything but submission time.
        var c = Guid.NewGuid();
        var d = Guid.NewGuid();
        var e = Guid.NewGuid();
        var f = Guid.NewGuid();
        var input = new ScoringInput(70, 30, 0, PriceFormula.LowestPriceRatio, [new(Q1, 1, 10, false)],
            [new(e, T0.AddMinutes(2), 1000, true, false), new(d, T0.AddMinutes(1), 1000, true, false), new(c, T0, 4000, true, false), new(f, T0, 2000, true, false)],
            [new(c, Q1, "x", 10), new(d, Q1, "x", 5), new(e, Q1, "x", 5), new(f, Q1, "x", 6)], []);
        var ranks = EvaluationScoring.Score(input).ToDictionary(r => r.ResponseId, r => (r.Total, r.Rank));
        Assert.Equal(77.5m, ranks[c].Total);
        Assert.Equal(65m, ranks[d].Total);
        Assert.Equal(65m, ranks[e].Total);
        Assert.Equal(57m, ranks[f].Total);
        Assert.Equal((1, 2, 3, 4), (ranks[c].Rank!.Value, ranks[d].Rank!.Value, ranks[e].Rank!.Value, ranks[f].Rank!.Value));
        // Equal totals, different quality: 50 + 25 = 75 (all quality) against 25 + 50 = 75.
        var same = new ScoringInput(50, 50, 0, PriceFormula.LowestPriceRatio, [new(Q1, 1, 10, false)],
            [new(d, T0, 1000, true, false), new(c, T0, 2000, true, false)], [new(c, Q1, "x", 10), new(d, Q1, "x", 5)], []);
        var s = EvaluationScoring.Score(same).ToDictionary(r => r.ResponseId);
        Assert.Equal(s[c].Total, s[d].Total);
        Assert.Equal(1, s[c].Rank); // the higher quality wins the tie
    }

    [Fact]
    public void The_sustainable_floor_in_effect_is_the_latest_on_or_before_the_day()
    {
        var authority = Guid.NewGuid();
        var old = SustainablePriceFloor.Set(authority, new DateOnly(2026, 4, 1), 12_60, 38m, T0, "a");
        var next = SustainablePriceFloor.Set(authority, new DateOnly(2027, 4, 1), 13_45, 38m, T0, "a");
        Assert.Equal(17_39, old.FloorPencePerHour);
        Assert.Equal(18_57, next.FloorPencePerHour);
        Assert.Same(old, SustainablePriceFloor.InEffect([old, next], new DateOnly(2027, 3, 31)));
        Assert.Same(next, SustainablePriceFloor.InEffect([old, next], new DateOnly(2027, 4, 1)));
        Assert.Null(SustainablePriceFloor.InEffect([old, next], new DateOnly(2026, 3, 31)));
        Assert.Equal("OnCostPercent", Assert.Throws<EvaluationRuleException>(() => SustainablePriceFloor.Set(authority, new DateOnly(2027, 4, 1), 12_60, -1m, T0, "a")).Field);
    }
}
