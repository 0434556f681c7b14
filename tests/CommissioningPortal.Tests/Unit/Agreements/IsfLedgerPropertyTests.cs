using CommissioningPortal.Domain.Agreements;
using Xunit;
using Xunit.Sdk;

namespace CommissioningPortal.Tests.Unit.Agreements;

/// <summary>
/// Everything the ledger shows adds up, for 500 random ledgers made from a fixed seed. Each ledger has
/// its own seed (<see cref="BaseSeed"/> + i), and a failure names it: rerun that one with
/// <see cref="One_ledger"/> by adding it as InlineData.
/// </summary>
public sealed class IsfLedgerPropertyTests
{
    private const int BaseSeed = 20_260_105;
    private const int Ledgers = 500;

    [Fact]
    public void Every_statement_adds_up()
    {
        for (var i = 0; i < Ledgers; i++)
        {
            Check(BaseSeed + i, CheckStatement);
        }
    }

    [Fact]
    public void Entries_outside_the_agreements_dates_are_always_refused()
    {
        for (var i = 0; i < Ledgers; i++)
        {
            Check(BaseSeed + i, CheckOutsideEntryRefused);
        }
    }

    [Theory]
    [InlineData(BaseSeed)]
    public void One_ledger(int seed)
    {
        Check(seed, CheckStatement);
        Check(seed, CheckOutsideEntryRefused);
    }

    private static void Check(int seed, Action<RandomLedger, Random> property)
    {
        var random = new Random(seed);
        var ledger = RandomLedger.Make(random);
        try
        {
            property(ledger, random);
        }
        catch (Exception e)
        {
            throw new XunitException($"Ledger seed {seed} ({ledger}) failed: {e.Message}", e);
        }
    }

    private static void CheckStatement(RandomLedger ledger, Random random)
    {
        var terms = ledger.Terms;
        var statement = IsfLedger.Statement(terms, ledger.Entries, ledger.AsOf);
        var periods = statement.Periods;
        Assert.NotEmpty(periods);

        // The periods tile the agreement from its start: back to back, full length except a last one cut by the end date.
        Assert.Equal(terms.StartDate, periods[0].Period.Start);
        for (var n = 0; n < periods.Count; n++)
        {
            var period = periods[n].Period;
            Assert.Equal(n + 1, period.Number);
            if (n > 0) Assert.Equal(periods[n - 1].Period.End.AddDays(1), period.Start);
            var cutShort = terms.EndDate == period.End;
            Assert.True(period.Days == (int)terms.PeriodLength || (cutShort && period.Days < (int)terms.PeriodLength),
                $"period {period.Number} is {period.Days} days");
            Assert.Equal(period.End < ledger.AsOf, periods[n].IsClosed);
        }
        // …up to the period containing the as-of date or the latest entry, whichever is later, but not past the end date.
        var reach = ledger.Entries.Select(e => e.Date).Append(ledger.AsOf).Append(terms.StartDate).Max();
        if (reach > terms.EndDate) reach = terms.EndDate.Value;
        Assert.True(periods[^1].Period.Contains(reach), $"the statement ends {periods[^1].Period.End}, expected it to reach {reach}");

        // Every entry lands in exactly one period, the one containing its date.
        var placed = periods.SelectMany(p => p.Lines.Select(l => (p.Period, l.Entry))).ToList();
        Assert.Equal(ledger.Entries.Count, placed.Count);
        foreach (var entry in ledger.Entries)
        {
            var (period, _) = Assert.Single(placed, x => ReferenceEquals(x.Entry, entry));
            Assert.True(period.Contains(entry.Date), $"{entry.Kind} on {entry.Date} placed in period {period.Number}");
        }

        var carriedIn = 0m;
        foreach (var p in periods)
        {
            // Planned: whole weeks at one weekly amount are exact.
            var weeklyAtStart = WeeklyOn(ledger, p.Period.Start);
            if (p.Period.Days % 7 == 0 && !ledger.Changes.Any(c => c.EffectiveFrom > p.Period.Start && c.EffectiveFrom <= p.Period.End))
            {
                Assert.Equal(weeklyAtStart * (p.Period.Days / 7), p.Planned);
            }

            // Carried in is what the previous period carried out.
            Assert.Equal(carriedIn, p.CarriedIn);

            // The running balance: starts at carried in + planned, each entry moves it by its own amount.
            var running = p.CarriedIn + p.Planned;
            var spent = 0m;
            var added = 0m;
            var previousDate = DateOnly.MinValue;
            foreach (var line in p.Lines)
            {
                var e = line.Entry;
                Assert.True(e.Date >= previousDate, "lines out of date order");
                previousDate = e.Date;
                switch (e.Kind)
                {
                    case LedgerEntryKind.Delivery or LedgerEntryKind.Purchase:
                        running -= e.Amount;
                        spent += e.Amount;
                        break;
                    case LedgerEntryKind.Anomaly:
                        Assert.Equal(0m, e.Amount);
                        break;
                    default:
                        running += e.Amount;
                        added += e.Amount;
                        break;
                }
                Assert.Equal(running, line.BalanceAfter);
            }
            Assert.Equal(spent, p.Spent);
            Assert.Equal(added, p.AddedByAuthority);
            Assert.Equal(p.Spent - p.Planned, p.Variance);

            // The balance after the period is what is left once anything over the limit is returned, and is what is carried out.
            Assert.True(p.Returned >= 0, $"period {p.Period.Number} returned {p.Returned}");
            Assert.Equal(running - p.Returned, p.Balance);
            Assert.Equal(p.Balance, p.CarriedOut);

            // Carried out never exceeds the cap; only money over the cap goes back; nothing goes back before the period ends.
            var limit = ExpectedLimit(ledger, p.Period.End);
            Assert.Equal(limit, p.CarryOverLimit);
            if (!p.IsClosed || limit is null)
            {
                Assert.Equal(0m, p.Returned);
            }
            else
            {
                Assert.True(p.CarriedOut <= limit, $"period {p.Period.Number} carried out {p.CarriedOut} over the cap {limit}");
                Assert.Equal(running > limit ? running - limit.Value : 0m, p.Returned);
                if (running < 0) Assert.Equal(running, p.CarriedOut); // an overspend is always carried
            }

            foreach (var amount in new[] { p.Planned, p.Spent, p.AddedByAuthority, p.Returned, p.CarriedOut })
            {
                Assert.Equal(decimal.Round(amount, 2), amount);
            }
            carriedIn = p.CarriedOut;
        }

        // Sum of planned − sum of spend + top-ups − returned = final balance.
        Assert.Equal(
            periods.Sum(p => p.Planned) - ledger.Entries.Where(e => e.IsSpend).Sum(e => e.Amount)
                + ledger.Entries.Where(e => e.IsFromAuthority).Sum(e => e.Amount) - periods.Sum(p => p.Returned),
            statement.Balance);
        Assert.Equal(statement.TotalPlanned - statement.TotalSpent + statement.TotalAddedByAuthority - statement.TotalReturned, statement.Balance);

        // The order entries are given in changes nothing but the order of same-day lines.
        var shuffled = ledger.Entries.OrderBy(_ => random.Next()).ToList();
        var again = IsfLedger.Statement(terms, shuffled, ledger.AsOf);
        Assert.Equal(periods.Select(p => (p.CarriedOut, p.Returned, p.Spent)), again.Periods.Select(p => (p.CarriedOut, p.Returned, p.Spent)));

        // The plain statement has one line per period and names the planned amount of each.
        var plain = IsfLedger.PlainStatement(statement);
        Assert.Equal(periods.Count, plain.Count);
        for (var n = 0; n < periods.Count; n++)
        {
            Assert.StartsWith(periods[n].Period.Describe() + ":", plain[n]);
            Assert.Contains($"planned {AgreementTerms.Money(periods[n].Planned)}", plain[n]);
        }
    }

    private static void CheckOutsideEntryRefused(RandomLedger ledger, Random random)
    {
        var terms = ledger.Terms;
        var before = terms.StartDate.AddDays(-random.Next(1, 400));
        var outside = ledger.Terms.EndDate is { } end && random.Next(2) == 0 ? end.AddDays(random.Next(1, 400)) : before;
        var stray = LedgerEntry.Purchase(outside, 12.34m, "provider", "Stray entry");
        var entries = ledger.Entries.Append(stray).OrderBy(_ => random.Next()).ToList();

        var refused = Assert.Throws<LedgerEntryOutsideAgreementException>(() => IsfLedger.Statement(terms, entries, ledger.AsOf));

        Assert.Same(stray, refused.Entry);
        Assert.Contains(AgreementTerms.Date(outside), refused.Message);
        Assert.Contains(outside < terms.StartDate ? "before the agreement starts on" : "after the agreement ends on", refused.Message);
        Assert.NotNull(terms.CheckEntryDate(outside));
        Assert.All(ledger.Entries, e => Assert.Null(terms.CheckEntryDate(e.Date)));
    }

    private static decimal WeeklyOn(RandomLedger ledger, DateOnly day) =>
        ledger.Changes.Where(c => c.EffectiveFrom <= day).OrderBy(c => c.EffectiveFrom).Select(c => (decimal?)c.WeeklyAmount).LastOrDefault() ?? ledger.Weekly;

    private static decimal? ExpectedLimit(RandomLedger ledger, DateOnly periodEnd) => ledger.Rule switch
    {
        { Kind: CarryOverKind.None } => 0m,
        { Kind: CarryOverKind.UpToCap, CapWeeks: { } weeks } => WeeklyOn(ledger, periodEnd) * weeks,
        { Kind: CarryOverKind.UpToCap, CapAmount: { } amount } => amount,
        _ => null,
    };

    private sealed record RandomLedger(
        LedgerTerms Terms,
        decimal Weekly,
        IReadOnlyList<BudgetChange> Changes,
        CarryOverRule Rule,
        IReadOnlyList<LedgerEntry> Entries,
        DateOnly AsOf)
    {
        public override string ToString() =>
            $"{Terms.PeriodLength} from {Terms.StartDate:yyyy-MM-dd} to {Terms.EndDate?.ToString("yyyy-MM-dd") ?? "open"}, " +
            $"£{Weekly}/week, {Changes.Count} changes, {Rule.Kind} {Rule.CapWeeks}{Rule.CapAmount}, {Entries.Count} entries, as of {AsOf:yyyy-MM-dd}";

        public static RandomLedger Make(Random r)
        {
            var start = new DateOnly(2024, 1, 1).AddDays(r.Next(0, 1200));
            var length = r.Next(2) == 0 ? LedgerPeriodLength.FourWeekly : LedgerPeriodLength.Weekly;
            var span = r.Next(1, 26) * (int)length + r.Next(0, (int)length);
            DateOnly? end = r.Next(3) == 0 ? null : start.AddDays(span - 1);
            var weekly = r.Next(5) == 0 ? 0m : Pence(r, 1, 250_000);

            var changes = Enumerable.Range(0, r.Next(0, 4))
                .Select(_ => start.AddDays(r.Next(1, span)))
                .Distinct()
                .Select(day => new BudgetChange(day, r.Next(6) == 0 ? 0m : Pence(r, 1, 250_000)))
                .ToList();

            var rule = r.Next(4) switch
            {
                0 => CarryOverRule.Unlimited,
                1 => CarryOverRule.None,
                2 => CarryOverRule.UpToWeeksOfBudget(r.Next(0, 9)),
                _ => CarryOverRule.UpToAmount(Pence(r, 0, 500_000)),
            };
            var terms = new LedgerTerms(start, end, length, weekly, rule, changes);

            var entries = new List<LedgerEntry>();
            var count = r.Next(0, 80);
            for (var i = 0; i < count; i++)
            {
                var day = start.AddDays(r.Next(0, span));
                entries.Add(r.Next(10) switch
                {
                    < 4 => LedgerEntry.Delivery(day, r.Next(1, 4000) / 100m, Pence(r, 1000, 3500), "provider", "Support"),
                    < 6 => LedgerEntry.Purchase(day, Pence(r, 1, 80_000), "provider", "Gym pass"),
                    6 => LedgerEntry.TopUp(day, Pence(r, 1, 100_000), "council", "Top-up"),
                    7 => LedgerEntry.OneOffPayment(day, Pence(r, 1, 100_000), "council", "One-off"),
                    8 => LedgerEntry.Adjustment(day, (r.Next(2) == 0 ? -1 : 1) * Pence(r, 1, 50_000), "council", "Correction"),
                    _ => LedgerEntry.Anomaly(day, "provider", "Something to discuss"),
                });
            }

            var asOf = start.AddDays(r.Next(-10, span + 60));
            return new RandomLedger(terms, weekly, changes, rule, entries, asOf);
        }

        private static decimal Pence(Random r, int min, int max) => r.Next(min, max + 1) / 100m;
    }
}
