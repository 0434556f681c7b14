using CommissioningPortal.Domain.Agreements;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Agreements;

public sealed class IsfLedgerTests
{
    private static readonly DateOnly Jan5 = new(2026, 1, 5);
    private const string Provider = "provider@example.org";
    private const string Council = "finance@example.gov.uk";

    private static LedgerTerms FourWeekly(decimal weekly, CarryOverRule rule, DateOnly? end = null, params BudgetChange[] changes) =>
        new(Jan5, end, LedgerPeriodLength.FourWeekly, weekly, rule, changes);

    private static LedgerTerms Weekly(decimal weekly, CarryOverRule rule, DateOnly? end = null) =>
        new(Jan5, end, LedgerPeriodLength.Weekly, weekly, rule);

    private static LedgerEntry Spend(DateOnly date, decimal amount) => LedgerEntry.Purchase(date, amount, Provider, "Support");

    // ---- periods and planned budget ----

    [Fact]
    public void Four_weekly_periods_run_back_to_back_from_the_start_date_and_plan_four_weeks_of_budget()
    {
        var periods = FourWeekly(312m, CarryOverRule.Unlimited).Periods(new DateOnly(2026, 2, 2));

        Assert.Equal(2, periods.Count);
        Assert.Equal(new LedgerPeriod(1, Jan5, new DateOnly(2026, 2, 1), 1248.00m), periods[0]);
        Assert.Equal(new LedgerPeriod(2, new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 1248.00m), periods[1]);
    }

    [Fact]
    public void Weekly_periods_plan_one_week_each()
    {
        var periods = Weekly(312m, CarryOverRule.Unlimited).Periods(new DateOnly(2026, 1, 18));

        Assert.Equal([(Jan5, new DateOnly(2026, 1, 11)), (new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 18))],
            periods.Select(p => (p.Start, p.End)));
        Assert.All(periods, p => Assert.Equal(312.00m, p.Planned));
    }

    [Fact]
    public void A_budget_variation_part_way_through_a_period_counts_from_its_day()
    {
        // £312 a week for two weeks, then £350 a week for two weeks.
        var terms = FourWeekly(312m, CarryOverRule.Unlimited, changes: new BudgetChange(new DateOnly(2026, 1, 19), 350m));

        var periods = terms.Periods(new DateOnly(2026, 2, 2));

        Assert.Equal(2 * 312m + 2 * 350m, periods[0].Planned);
        Assert.Equal(4 * 350m, periods[1].Planned);
        Assert.Equal(312m, terms.WeeklyBudgetOn(new DateOnly(2026, 1, 18)));
        Assert.Equal(350m, terms.WeeklyBudgetOn(new DateOnly(2026, 1, 19)));
    }

    [Fact]
    public void The_last_period_stops_on_the_end_date_and_plans_its_days_to_the_penny()
    {
        var terms = FourWeekly(312m, CarryOverRule.Unlimited, end: new DateOnly(2026, 2, 10));

        var periods = terms.Periods(new DateOnly(2026, 12, 31));

        Assert.Equal(2, periods.Count);
        Assert.Equal(new DateOnly(2026, 2, 10), periods[1].End);
        Assert.Equal(9, periods[1].Days);
        Assert.Equal(401.14m, periods[1].Planned); // 9 × 312 / 7 = 401.142…
        Assert.Equal("9 days from 2 February 2026", periods[1].Describe());
    }

    [Fact]
    public void Terms_that_cannot_work_are_refused_naming_the_field()
    {
        Assert.Equal("endDate", Assert.Throws<ArgumentException>(() =>
            FourWeekly(312m, CarryOverRule.Unlimited, end: new DateOnly(2026, 1, 4))).ParamName);
        Assert.Equal("weeklyBudget", Assert.Throws<ArgumentException>(() =>
            FourWeekly(312.005m, CarryOverRule.Unlimited)).ParamName);
        Assert.Equal("weeklyBudget", Assert.Throws<ArgumentException>(() =>
            FourWeekly(-1m, CarryOverRule.Unlimited)).ParamName);
        Assert.Equal("budgetChanges", Assert.Throws<ArgumentException>(() =>
            FourWeekly(312m, CarryOverRule.Unlimited, changes: new BudgetChange(Jan5, 350m))).ParamName);
        Assert.Equal("budgetChanges", Assert.Throws<ArgumentException>(() =>
            FourWeekly(312m, CarryOverRule.Unlimited, null, new BudgetChange(new DateOnly(2026, 2, 1), 350m), new BudgetChange(new DateOnly(2026, 2, 1), 360m))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => CarryOverRule.UpToWeeksOfBudget(-1));
        Assert.Throws<ArgumentException>(() => CarryOverRule.From(CarryOverKind.UpToCap, 4, 100m));
        Assert.Throws<ArgumentException>(() => CarryOverRule.From(CarryOverKind.None, 4, null));
        Assert.Equal(CarryOverRule.UpToWeeksOfBudget(4), CarryOverRule.From(CarryOverKind.UpToCap, 4, null));
    }

    // ---- entries ----

    [Fact]
    public void A_delivery_costs_hours_times_rate_rounded_to_the_penny()
    {
        var entry = LedgerEntry.Delivery(Jan5, 2.5m, 21.35m, Provider, "  Morning support  ");

        Assert.Equal(53.38m, entry.Amount); // 53.375 rounds half away from zero
        Assert.Equal(-53.38m, entry.BalanceChange);
        Assert.Equal("Morning support", entry.Narrative);
        Assert.Equal(Provider, entry.PostedBy);
        Assert.True(entry.IsSpend);
    }

    [Fact]
    public void Money_from_the_authority_adds_to_the_balance_and_an_anomaly_moves_nothing()
    {
        Assert.Equal(100m, LedgerEntry.TopUp(Jan5, 100m, Council, "Extra for respite").BalanceChange);
        Assert.Equal(250m, LedgerEntry.OneOffPayment(Jan5, 250m, Council, "Gym pass for a year").BalanceChange);
        Assert.Equal(-40m, LedgerEntry.Adjustment(Jan5, -40m, Council, "Overpaid in error").BalanceChange);
        var anomaly = LedgerEntry.Anomaly(Jan5, Provider, "Two visits missed: hospital stay");
        Assert.Equal(0m, anomaly.Amount);
        Assert.False(anomaly.IsSpend || anomaly.IsFromAuthority);
    }

    [Fact]
    public void Bad_entries_are_refused_naming_the_field_to_fix()
    {
        Assert.Equal("hours", Assert.Throws<ArgumentException>(() => LedgerEntry.Delivery(Jan5, 0m, 20m, Provider, "x")).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentException>(() => LedgerEntry.Delivery(Jan5, -1m, 20m, Provider, "x")).ParamName);
        Assert.Equal("hourlyRate", Assert.Throws<ArgumentException>(() => LedgerEntry.Delivery(Jan5, 1m, 20.001m, Provider, "x")).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => LedgerEntry.Purchase(Jan5, 1.234m, Provider, "x")).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => LedgerEntry.Purchase(Jan5, -5m, Provider, "x")).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => LedgerEntry.TopUp(Jan5, 0m, Council, "x")).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => LedgerEntry.Adjustment(Jan5, 0m, Council, "x")).ParamName);
        Assert.Equal("narrative", Assert.Throws<ArgumentException>(() => LedgerEntry.Purchase(Jan5, 5m, Provider, "  ")).ParamName);
        Assert.Equal("narrative", Assert.Throws<ArgumentException>(() => LedgerEntry.Anomaly(Jan5, Provider, new string('a', 2001))).ParamName);
        Assert.Equal("postedBy", Assert.Throws<ArgumentException>(() => LedgerEntry.Purchase(Jan5, 5m, "", "Gym pass")).ParamName);
    }

    [Fact]
    public void Entries_outside_the_agreements_dates_are_refused_with_a_clear_reason()
    {
        var terms = FourWeekly(312m, CarryOverRule.Unlimited, end: new DateOnly(2026, 3, 1));
        var early = LedgerEntry.Purchase(new DateOnly(2026, 1, 3), 30m, Provider, "Gym pass");
        var late = LedgerEntry.Delivery(new DateOnly(2026, 3, 2), 2m, 20m, Provider, "Evening visit");

        var before = Assert.Throws<LedgerEntryOutsideAgreementException>(() => IsfLedger.Statement(terms, [early], Jan5));
        var after = Assert.Throws<LedgerEntryOutsideAgreementException>(() => IsfLedger.Statement(terms, [late], Jan5));

        Assert.Equal("The purchase \"Gym pass\" is dated 3 January 2026, before the agreement starts on 5 January 2026.", before.Message);
        Assert.Equal("The delivery \"Evening visit\" is dated 2 March 2026, after the agreement ends on 1 March 2026.", after.Message);
        Assert.Same(early, before.Entry);
        Assert.Equal("3 January 2026 is before the agreement starts on 5 January 2026.", terms.CheckEntryDate(early.Date));
        Assert.Null(terms.CheckEntryDate(Jan5));
        Assert.Null(terms.CheckEntryDate(new DateOnly(2026, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => terms.PeriodContaining(late.Date));
    }

    [Fact]
    public void Entries_on_the_first_and_last_day_land_in_the_first_and_last_period()
    {
        var terms = FourWeekly(312m, CarryOverRule.Unlimited, end: new DateOnly(2026, 3, 1));
        var first = Spend(Jan5, 10m);
        var last = Spend(new DateOnly(2026, 3, 1), 20m);

        var statement = IsfLedger.Statement(terms, [last, first], Jan5);

        Assert.Same(first, Assert.Single(statement.Periods[0].Lines).Entry);
        Assert.Same(last, Assert.Single(statement.Periods[1].Lines).Entry);
        Assert.Equal(2, terms.PeriodContaining(new DateOnly(2026, 3, 1)).Number);
    }

    // ---- statement and carry-over rules ----

    [Fact]
    public void Unlimited_carry_over_keeps_everything_unspent()
    {
        var terms = FourWeekly(312m, CarryOverRule.Unlimited);
        var entries = new[]
        {
            LedgerEntry.Delivery(new DateOnly(2026, 1, 6), 50m, 21.00m, Provider, "Support, weeks 1–4"),
            Spend(new DateOnly(2026, 1, 20), 130.50m),
            LedgerEntry.Anomaly(new DateOnly(2026, 1, 21), Provider, "Cancelled twice: unwell"),
        };

        var statement = IsfLedger.Statement(terms, entries, new DateOnly(2026, 2, 2));
        var january = statement.Periods[0];

        Assert.True(january.IsClosed);
        Assert.Equal(1248.00m, january.Planned);
        Assert.Equal(1180.50m, january.Spent);
        Assert.Equal(-67.50m, january.Variance);
        Assert.Equal(-5.4m, january.VariancePercent);
        Assert.Equal(0m, january.Returned);
        Assert.Equal(67.50m, january.CarriedOut);
        Assert.Equal([198.00m, 67.50m, 67.50m], january.Lines.Select(l => l.BalanceAfter));
        Assert.Equal(67.50m, statement.Periods[1].CarriedIn);
        Assert.False(statement.Periods[1].IsClosed);
        Assert.Equal(67.50m + 1248.00m, statement.Balance);
    }

    [Fact]
    public void Capped_carry_over_keeps_up_to_the_cap_and_returns_the_excess_at_period_end()
    {
        // Weekly periods at £100 a week; keep up to 2 weeks' budget.
        var terms = Weekly(100m, CarryOverRule.UpToWeeksOfBudget(2));

        var statement = IsfLedger.Statement(terms, [], new DateOnly(2026, 1, 26)); // three weeks closed, nothing spent

        Assert.Equal([100m, 200m, 200m], statement.Periods.Take(3).Select(p => p.CarriedOut));
        Assert.Equal([0m, 0m, 100m], statement.Periods.Take(3).Select(p => p.Returned));
        Assert.All(statement.Periods.Take(3), p => Assert.Equal(200m, p.CarryOverLimit));
        Assert.Equal(100m, statement.TotalReturned);
    }

    [Fact]
    public void A_fixed_amount_cap_returns_anything_over_it()
    {
        var terms = FourWeekly(312m, CarryOverRule.UpToAmount(50m));

        var statement = IsfLedger.Statement(terms, [Spend(new DateOnly(2026, 1, 20), 1180.50m)], new DateOnly(2026, 2, 2));

        Assert.Equal(50m, statement.Periods[0].CarriedOut);
        Assert.Equal(17.50m, statement.Periods[0].Returned);
    }

    [Fact]
    public void No_carry_over_returns_every_unspent_penny_but_an_overspend_is_carried_forward()
    {
        var terms = FourWeekly(312m, CarryOverRule.None);
        var entries = new[]
        {
            Spend(new DateOnly(2026, 1, 20), 1000m),         // £248 under
            Spend(new DateOnly(2026, 2, 20), 1300m),         // £52 over
            LedgerEntry.TopUp(new DateOnly(2026, 3, 2), 52m, Council, "Cover February's overspend"),
        };

        var statement = IsfLedger.Statement(terms, entries, new DateOnly(2026, 3, 30));

        var closed = statement.Periods.Where(p => p.IsClosed).ToList();
        Assert.Equal([248m, 0m, 1248m], closed.Select(p => p.Returned));
        Assert.Equal([0m, -52m, 0m], closed.Select(p => p.CarriedOut));
        Assert.Equal(52m, closed[2].AddedByAuthority);
        Assert.Equal(1248m, statement.Balance); // period 4 has just started: its budget is in hand
    }

    [Fact]
    public void A_period_still_running_has_nothing_returned_yet()
    {
        var terms = FourWeekly(312m, CarryOverRule.None);

        var statement = IsfLedger.Statement(terms, [Spend(new DateOnly(2026, 1, 6), 100m)], new DateOnly(2026, 2, 1));

        var only = Assert.Single(statement.Periods);
        Assert.False(only.IsClosed); // 1 February is its last day: not over yet
        Assert.Equal(0m, only.Returned);
        Assert.Equal(1148m, only.CarriedOut);
    }

    [Fact]
    public void A_statement_reaches_the_latest_entry_even_past_the_as_of_date()
    {
        var terms = FourWeekly(312m, CarryOverRule.Unlimited);
        var oneOff = LedgerEntry.OneOffPayment(new DateOnly(2026, 3, 10), 250m, Council, "Gym pass");

        var statement = IsfLedger.Statement(terms, [oneOff], Jan5);

        Assert.Equal(3, statement.Periods.Count);
        Assert.Same(oneOff, Assert.Single(statement.Periods[2].Lines).Entry);
        Assert.All(statement.Periods, p => Assert.False(p.IsClosed));
    }

    // ---- plain statement ----

    [Fact]
    public void The_person_reads_each_period_in_plain_English()
    {
        var terms = FourWeekly(312m, CarryOverRule.UpToAmount(1200m));
        var entries = new[]
        {
            Spend(new DateOnly(2026, 1, 20), 1180.50m),
            Spend(new DateOnly(2026, 2, 20), 100m),
            LedgerEntry.TopUp(new DateOnly(2026, 2, 21), 40m, Council, "Extra for a trip"),
            LedgerEntry.Anomaly(new DateOnly(2026, 2, 22), Provider, "Day centre closed for a week"),
            Spend(new DateOnly(2026, 3, 3), 1500m),
        };

        var lines = IsfLedger.PlainStatement(IsfLedger.Statement(terms, entries, new DateOnly(2026, 3, 10)));

        Assert.Equal(
        [
            "4 weeks from 5 January 2026: planned £1,248.00, spent £1,180.50, £67.50 carried forward",
            "4 weeks from 2 February 2026: £67.50 brought forward, planned £1,248.00, the authority added £40.00, spent £100.00, " +
                "£1,200.00 carried forward, £55.50 returned to the authority; 1 thing flagged to discuss",
            "4 weeks from 2 March 2026: £1,200.00 brought forward, planned £1,248.00, spent £1,500.00, £948.00 left so far",
        ], lines);
    }

    [Fact]
    public void An_overspend_reads_as_overspent_and_no_carry_over_reads_as_returned()
    {
        var terms = Weekly(100m, CarryOverRule.None);
        var entries = new[] { Spend(Jan5, 130m), LedgerEntry.Adjustment(new DateOnly(2026, 1, 13), -10m, Council, "Duplicate payment") };

        var lines = IsfLedger.PlainStatement(IsfLedger.Statement(terms, entries, new DateOnly(2026, 1, 20)));

        Assert.Equal(
        [
            "1 week from 5 January 2026: planned £100.00, spent £130.00, £30.00 overspent, carried forward",
            "1 week from 12 January 2026: £30.00 overspent brought forward, planned £100.00, the authority took back £10.00, spent £0.00, " +
                "nothing carried forward, £60.00 returned to the authority",
            "1 week from 19 January 2026: planned £100.00, spent £0.00, £100.00 left so far",
        ], lines);
    }

    // ---- review signals ----

    /// <summary>Weekly periods at £100 with the given spend in each; all closed.</summary>
    private static IsfStatement WeeksSpending(params decimal[] spends)
    {
        var terms = Weekly(100m, CarryOverRule.Unlimited);
        var entries = spends.Select((amount, week) => amount == 0 ? null : Spend(Jan5.AddDays(7 * week), amount)).OfType<LedgerEntry>();
        return IsfLedger.Statement(terms, entries, Jan5.AddDays(7 * spends.Length));
    }

    [Fact]
    public void Three_periods_in_a_row_under_plan_beyond_the_tolerance_raise_a_review()
    {
        var signal = Assert.Single(IsfLedger.ReviewSignals(WeeksSpending(100m, 80m, 84.99m, 70m, 100m), 15m, 3));

        Assert.Equal(SpendDirection.Under, signal.Direction);
        Assert.Equal((2, 4, 3), (signal.FirstPeriod, signal.LastPeriod, signal.PeriodsInRow));
        Assert.Equal("Spending has been more than 15% under plan for 3 periods in a row", signal.Reason);
    }

    [Fact]
    public void Recurring_overspend_raises_a_review_and_a_longer_run_is_still_one_signal()
    {
        var signal = Assert.Single(IsfLedger.ReviewSignals(WeeksSpending(120m, 116m, 130m, 200m), 15m, 3));

        Assert.Equal(SpendDirection.Over, signal.Direction);
        Assert.Equal((1, 4), (signal.FirstPeriod, signal.LastPeriod));
        Assert.Equal("Spending has been more than 15% over plan for 4 periods in a row", signal.Reason);
    }

    [Fact]
    public void No_review_when_only_one_period_fewer_breaches()
    {
        Assert.Empty(IsfLedger.ReviewSignals(WeeksSpending(80m, 80m, 100m, 80m, 80m), 15m, 3));
        Assert.Empty(IsfLedger.ReviewSignals(WeeksSpending(120m, 120m, 100m, 120m, 120m), 15m, 3));
    }

    [Fact]
    public void Exactly_on_the_tolerance_is_not_a_breach_and_over_then_under_is_not_a_run()
    {
        Assert.Empty(IsfLedger.ReviewSignals(WeeksSpending(85m, 115m, 85m), 15m, 3));
        Assert.Empty(IsfLedger.ReviewSignals(WeeksSpending(120m, 80m, 120m, 80m), 15m, 2));
    }

    [Fact]
    public void A_period_still_running_does_not_count_towards_a_review()
    {
        var terms = Weekly(100m, CarryOverRule.Unlimited);
        // Two closed weeks well under plan; the third week has only just started.
        var statement = IsfLedger.Statement(terms, [Spend(Jan5, 10m), Spend(Jan5.AddDays(7), 10m)], Jan5.AddDays(15));

        Assert.Empty(IsfLedger.ReviewSignals(statement, 15m, 3));
        Assert.Single(IsfLedger.ReviewSignals(statement, 15m, 2));
    }

    [Fact]
    public void Spending_in_a_period_with_nothing_planned_is_over_plan()
    {
        var terms = new LedgerTerms(Jan5, null, LedgerPeriodLength.Weekly, 0m, CarryOverRule.Unlimited);
        var statement = IsfLedger.Statement(terms, [Spend(Jan5, 5m)], Jan5.AddDays(14));

        var signal = Assert.Single(IsfLedger.ReviewSignals(statement, 15m, 1));
        Assert.Equal(SpendDirection.Over, signal.Direction);
        Assert.Equal("Spending has been more than 15% over plan for 1 period", signal.Reason);
        Assert.Null(statement.Periods[0].VariancePercent);
    }
}
