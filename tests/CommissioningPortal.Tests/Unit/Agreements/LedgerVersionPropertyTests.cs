using CommissioningPortal.Domain.Agreements;
using Xunit;
using Xunit.Sdk;

namespace CommissioningPortal.Tests.Unit.Agreements;

/// <summary>
/// For 500 random agreements with up to four authorised versions, each with its own start date, weekly
/// budget and any of the five payment schedules: the periods tile the agreement, each lies within one
/// schedule's rules, plans exactly the weekly budget in force on each of its days, and the statement adds up.
/// A failure names the seed; rerun it with <see cref="One_agreement"/>.
/// </summary>
public sealed class LedgerVersionPropertyTests
{
    private const int BaseSeed = 20_261_214;

    private static readonly LedgerPeriodLength[] Schedules =
        [LedgerPeriodLength.Weekly, LedgerPeriodLength.Fortnightly, LedgerPeriodLength.FourWeekly, LedgerPeriodLength.Monthly, LedgerPeriodLength.Quarterly];

    [Fact]
    public void Every_versioned_ledger_tiles_its_days_and_adds_up()
    {
        for (var i = 0; i < 500; i++) Check(BaseSeed + i);
    }

    [Theory]
    [InlineData(BaseSeed)]
    public void One_agreement(int seed) => Check(seed);

    private static void Check(int seed)
    {
        var r = new Random(seed);
        var versions = new List<AgreedVersion>();
        var start = new DateOnly(2025, 1, 1).AddDays(r.Next(0, 700));
        var authorised = start.AddDays(-r.Next(0, 30));
        var count = r.Next(1, 5);
        for (var n = 1; n <= count; n++)
        {
            var versionStart = n == 1 ? start : start.AddDays(r.Next(-60, 60));
            versions.Add(new AgreedVersion(n, versionStart, authorised, r.Next(0, 50_000) / 100m, Schedules[r.Next(Schedules.Length)]));
            authorised = authorised.AddDays(r.Next(0, 120));
        }
        var latest = versions.Select(v => v.StartDate).Append(authorised).Max();
        DateOnly? end = r.Next(3) == 0 ? latest.AddDays(r.Next(30, 400)) : null;
        var asOf = authorised.AddDays(r.Next(0, 200));
        try
        {
            var terms = LedgerTerms.FromVersions(versions, end, CarryOverRule.Unlimited);
            var periods = terms.Periods(asOf);

            Assert.Equal(terms.StartDate, periods[0].Start);
            Assert.True(versions.Min(v => v.StartDate) <= terms.StartDate);
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                Assert.Equal(i + 1, p.Number);
                Assert.True(p.Start <= p.End, $"period {p.Number} ends before it starts");
                if (i > 0) Assert.Equal(periods[i - 1].End.AddDays(1), p.Start);
                var schedule = terms.PeriodLengthOn(p.Start);
                Assert.True(p.Days <= (int)schedule, $"period {p.Number} is {p.Days} days on a {schedule} schedule");
                if (schedule is LedgerPeriodLength.Monthly or LedgerPeriodLength.Quarterly)
                {
                    Assert.True(p.End.AddDays(1).Day == 1 || p.End == end || terms.Stretches.Any(s => s.From == p.End.AddDays(1)),
                        $"period {p.Number} ends {p.End}, not at a month's end");
                }
                // Planned: the weekly budget in force on each day, as sevenths, rounded once.
                var sevenths = 0m;
                for (var d = p.Start; d <= p.End; d = d.AddDays(1)) sevenths += terms.WeeklyBudgetOn(d);
                Assert.Equal(decimal.Round(sevenths / 7m, 2, MidpointRounding.AwayFromZero), p.Planned);
            }
            var reach = asOf < terms.StartDate ? terms.StartDate : asOf;
            if (reach > end) reach = end.Value;
            Assert.True(periods[^1].Contains(reach), $"the periods stop at {periods[^1].End}, before {reach}");

            // Entries on any day of the agreement land in the period containing it, and the statement adds up.
            var entries = Enumerable.Range(0, r.Next(0, 30))
                .Select(_ => terms.StartDate.AddDays(r.Next(0, periods[^1].End.DayNumber - terms.StartDate.DayNumber + 1)))
                .Select(day => LedgerEntry.Purchase(day, r.Next(1, 50_000) / 100m, "provider", "Support")).ToList();
            var statement = IsfLedger.Statement(terms, entries, asOf);
            foreach (var entry in entries)
            {
                Assert.Contains(statement.Periods, p => p.Period.Contains(entry.Date) && p.Lines.Any(l => ReferenceEquals(l.Entry, entry)));
            }
            Assert.Equal(statement.TotalPlanned - statement.TotalSpent + statement.TotalAddedByAuthority - statement.TotalReturned, statement.Balance);
            Assert.NotNull(terms.CheckEntryDate(terms.StartDate.AddDays(-1)));
        }
        catch (Exception e)
        {
            throw new XunitException($"Seed {seed} ({string.Join("; ", versions)}; end {end}; as of {asOf}) failed: {e.Message}", e);
        }
    }
}
