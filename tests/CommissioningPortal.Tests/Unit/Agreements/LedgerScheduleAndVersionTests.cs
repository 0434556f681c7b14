using CommissioningPortal.Domain.Agreements;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Agreements;

/// <summary>
/// Issue 14: the ledger follows the payment schedule and the agreement version in force on each date;
/// corrections and reversals with reasons; warnings before an overspend.
/// </summary>
public sealed class LedgerScheduleAndVersionTests
{
    private static readonly DateOnly Dec14 = new(2026, 12, 14);
    private const string Provider = "Bright Steps Care";

    private static LedgerTerms Terms(LedgerPeriodLength schedule, decimal weekly = 70m, DateOnly? start = null) =>
        new(start ?? Dec14, null, schedule, weekly, CarryOverRule.Unlimited);

    // ---- the payment schedule ----

    [Fact]
    public void A_fortnightly_schedule_gives_fortnightly_periods()
    {
        var periods = Terms(LedgerPeriodLength.Fortnightly).Periods(new DateOnly(2027, 1, 20));

        Assert.Equal([(Dec14, new DateOnly(2026, 12, 27)), (new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 10)), (new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 24))],
            periods.Select(p => (p.Start, p.End)));
        Assert.All(periods, p => Assert.Equal(140m, p.Planned));
        Assert.Equal("2 weeks from 14 December 2026", periods[0].Describe());
    }

    [Fact]
    public void A_monthly_schedule_gives_calendar_months_the_first_cut_short_by_the_start_date()
    {
        var periods = Terms(LedgerPeriodLength.Monthly).Periods(new DateOnly(2027, 2, 3));

        Assert.Equal([(Dec14, new DateOnly(2026, 12, 31)), (new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), (new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28))],
            periods.Select(p => (p.Start, p.End)));
        Assert.Equal([180m, 310m, 280m], periods.Select(p => p.Planned)); // £10 a day
        Assert.Equal(["18 days from 14 December 2026", "January 2027", "4 weeks from 1 February 2027"], periods.Select(p => p.Describe()));
    }

    [Fact]
    public void A_quarterly_schedule_gives_calendar_quarters()
    {
        var periods = Terms(LedgerPeriodLength.Quarterly).Periods(new DateOnly(2027, 4, 1));

        Assert.Equal([(Dec14, new DateOnly(2026, 12, 31)), (new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), (new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 30))],
            periods.Select(p => (p.Start, p.End)));
        Assert.Equal("January to March 2027", periods[1].Describe());
        Assert.Equal(900m, periods[1].Planned); // 90 days at £10
    }

    [Theory]
    [InlineData(1, LedgerPeriodLength.Weekly)]
    [InlineData(2, LedgerPeriodLength.Fortnightly)]
    [InlineData(4, LedgerPeriodLength.FourWeekly)]
    public void The_agreements_payment_interval_chooses_the_periods(int weeks, LedgerPeriodLength expected)
    {
        Assert.Equal(expected, LedgerSchedule.ForIntervalWeeks(weeks));
        Assert.Equal(LedgerPeriodLength.Monthly, LedgerSchedule.ForIntervalMonths(1));
        Assert.Equal(LedgerPeriodLength.Quarterly, LedgerSchedule.ForIntervalMonths(3));
    }

    // ---- the version in force on each date ----

    [Fact]
    public void A_variation_of_start_amount_and_schedule_plans_by_version_1_before_it_came_into_force_and_by_version_2_after()
    {
        var v1Start = new DateOnly(2026, 11, 2);
        var authorised = v1Start.AddDays(28); // 30 November: version 2 in force
        var v2Start = v1Start.AddDays(-14);   // and it moves the start two weeks earlier
        var terms = LedgerTerms.FromVersions(
        [
            new AgreedVersion(1, v1Start, v1Start, 100m, LedgerPeriodLength.FourWeekly),
            new AgreedVersion(2, v2Start, authorised, 150m, LedgerPeriodLength.Fortnightly),
        ], null, CarryOverRule.Unlimited);

        var periods = terms.Periods(authorised.AddDays(20));

        Assert.Equal(v2Start, terms.StartDate);
        Assert.Equal(
        [
            (v2Start, v1Start.AddDays(-1), 300m),                 // the days version 2 added before the old start: version 2
            (v1Start, authorised.AddDays(-1), 400m),              // four weeks under version 1, as they were
            (authorised, authorised.AddDays(13), 300m),           // from the day version 2 came into force: fortnightly at £150
            (authorised.AddDays(14), authorised.AddDays(27), 300m),
        ], periods.Select(p => (p.Start, p.End, p.Planned)));
        Assert.Equal(100m, terms.WeeklyBudgetOn(authorised.AddDays(-1)));
        Assert.Equal(150m, terms.WeeklyBudgetOn(authorised));
        Assert.Equal(LedgerPeriodLength.FourWeekly, terms.PeriodLengthOn(authorised.AddDays(-1)));
        Assert.Equal(LedgerPeriodLength.Fortnightly, terms.PeriodLengthOn(authorised));

        // An entry before version 1's start but on or after version 2's is accepted.
        Assert.Null(terms.CheckEntryDate(v1Start.AddDays(-7)));
        Assert.NotNull(terms.CheckEntryDate(v2Start.AddDays(-1)));
        var statement = IsfLedger.Statement(terms, [LedgerEntry.Purchase(v1Start.AddDays(-7), 20m, Provider, "Swimming")], authorised);
        Assert.Equal(20m, statement.Periods[0].Spent);
    }

    [Fact]
    public void A_variation_authorised_before_the_agreement_started_replaces_it_from_its_own_start()
    {
        // The case: version 1 from 14 December; version 2, authorised on 3 December, moves the start to 2 November at £1,575 every 4 weeks.
        var terms = LedgerTerms.FromVersions(
        [
            new AgreedVersion(1, Dec14, new DateOnly(2026, 12, 1), 392.41m, LedgerPeriodLength.FourWeekly),
            new AgreedVersion(2, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 3), 393.75m, LedgerPeriodLength.FourWeekly),
        ], null, CarryOverRule.Unlimited);

        var periods = terms.Periods(Dec14);

        Assert.Equal(new DateOnly(2026, 11, 2), terms.StartDate);
        Assert.Equal([(new DateOnly(2026, 11, 2), 1575.00m), (new DateOnly(2026, 11, 30), 1575.00m)], periods.Select(p => (p.Start, p.Planned)));
        Assert.Null(terms.CheckEntryDate(new DateOnly(2026, 11, 10)));
    }

    [Fact]
    public void A_budget_only_variation_keeps_the_periods_and_counts_from_the_day_it_came_into_force()
    {
        var terms = LedgerTerms.FromVersions(
        [
            new AgreedVersion(1, Dec14, Dec14, 70m, LedgerPeriodLength.FourWeekly),
            new AgreedVersion(2, Dec14, Dec14.AddDays(14), 140m, LedgerPeriodLength.FourWeekly),
        ], null, CarryOverRule.Unlimited);

        var period = Assert.Single(terms.Periods(Dec14.AddDays(20)));

        Assert.Equal(Dec14.AddDays(27), period.End);
        Assert.Equal(2 * 70m + 2 * 140m, period.Planned);
    }

    // ---- corrections, reversals ----

    [Fact]
    public void A_correction_by_the_holder_can_be_negative_and_needs_a_reason()
    {
        var correction = LedgerEntry.Correction(Dec14, -5.00m, Provider, "Swimming was £5 less", "Posted the adult price by mistake");

        Assert.Equal(5.00m, correction.BalanceChange);
        Assert.Equal("Posted the adult price by mistake", correction.Reason);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => LedgerEntry.Correction(Dec14, -5m, Provider, "Swimming", " ")).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => LedgerEntry.Correction(Dec14, 0m, Provider, "Swimming", "x")).ParamName);
        Assert.Contains("correction", Assert.Throws<ArgumentException>(() => LedgerEntry.Purchase(Dec14, -5m, Provider, "Swimming")).Message);

        var statement = IsfLedger.Statement(Terms(LedgerPeriodLength.Weekly), [LedgerEntry.Purchase(Dec14, 20m, Provider, "Swimming"), correction], Dec14);
        Assert.Equal(15m, statement.Periods[0].Spent);
        Assert.Equal(55m, statement.Balance);
    }

    [Fact]
    public void A_reversal_undoes_an_entry_beside_it_and_both_stay_on_the_statement()
    {
        var purchase = LedgerEntry.Purchase(Dec14.AddDays(2), 50m, Provider, "Gym pass");
        var reversal = LedgerEntry.Reversal(purchase, Provider, "Posted on the wrong person's ledger");

        Assert.Equal((purchase.Kind, purchase.Date, -50m, purchase.Id), (reversal.Kind, reversal.Date, reversal.Amount, reversal.ReversesId!.Value));
        Assert.Equal("Posted on the wrong person's ledger", reversal.Reason);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => LedgerEntry.Reversal(purchase, Provider, "")).ParamName);
        Assert.Throws<ArgumentException>(() => LedgerEntry.Reversal(reversal, Provider, "Undo the undo"));

        var statement = IsfLedger.Statement(Terms(LedgerPeriodLength.Weekly), [purchase, reversal], Dec14);
        var lines = statement.Periods[0].Lines;
        Assert.Equal(2, lines.Count);
        Assert.Same(reversal, lines[0].ReversedBy);
        Assert.Same(purchase, lines[1].Reverses);
        Assert.Equal(0m, statement.Periods[0].Spent);
        Assert.Equal(70m, statement.Balance);
        Assert.EndsWith("; 1 entry reversed", IsfLedger.PlainStatement(statement)[0]);
    }

    // ---- safeguards ----

    [Fact]
    public void A_purchase_that_takes_the_balance_below_zero_and_spending_past_the_tolerance_is_warned_about()
    {
        var terms = Terms(LedgerPeriodLength.FourWeekly, 93.75m); // £375.00 every four weeks
        var big = LedgerEntry.Purchase(Dec14.AddDays(3), 5000m, Provider, "New bed");

        var warnings = IsfLedger.Warnings(terms, [], big, Dec14.AddDays(3), 15m);

        Assert.Equal(2, warnings.Count);
        Assert.Equal("This takes the balance below zero: from £375.00 to -£4,625.00.", warnings[0]);
        Assert.Contains("£5,000.00 against £375.00 planned", warnings[1]);
        Assert.Contains("15%", warnings[1]);
        Assert.Empty(IsfLedger.Warnings(terms, [], LedgerEntry.Purchase(Dec14, 300m, Provider, "Swimming"), Dec14, 15m));
        Assert.Empty(IsfLedger.Warnings(terms, [], LedgerEntry.TopUp(Dec14, 5000m, "Council", "Respite"), Dec14, 15m));
    }
}
