namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// One ledger period: <see cref="Start"/> to <see cref="End"/> inclusive, with the budget planned for it.
/// The last period is cut short when the agreement ends part-way through one.
/// </summary>
/// <param name="Number">1 for the period starting on the agreement's start date, then 2, 3 …</param>
/// <param name="Planned">
/// The weekly budget in force on each day, summed as sevenths of a week and rounded once to the penny;
/// so a full four-week period at £312.00 a week plans exactly £1,248.00, and a variation part-way
/// through a period counts from its day.
/// </param>
public sealed record LedgerPeriod(int Number, DateOnly Start, DateOnly End, decimal Planned)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>"4 weeks from 5 January 2026", "1 week from …", "9 days from …".</summary>
    public string Describe() => Days % 7 == 0
        ? $"{Plural(Days / 7, "week")} from {LedgerText.Date(Start)}"
        : $"{Plural(Days, "day")} from {LedgerText.Date(Start)}";

    internal static LedgerPeriod Nth(LedgerTerms terms, int number)
    {
        var length = (int)terms.PeriodLength;
        var startDay = (long)terms.StartDate.DayNumber + (long)(number - 1) * length;
        var endDay = Math.Min(startDay + length - 1, terms.EndDate?.DayNumber ?? DateOnly.MaxValue.DayNumber);
        var start = DateOnly.FromDayNumber((int)startDay);
        var end = DateOnly.FromDayNumber((int)endDay);
        return new LedgerPeriod(number, start, end, PlannedBetween(terms, start, end));
    }

    private static decimal PlannedBetween(LedgerTerms terms, DateOnly start, DateOnly end)
    {
        // Σ weekly × days for each stretch with one weekly amount; divide by 7 once so whole weeks stay exact.
        var weeklyTimesDays = 0m;
        var day = start;
        while (day <= end)
        {
            var weekly = terms.WeeklyBudgetOn(day);
            var next = terms.BudgetChanges.FirstOrDefault(c => c.EffectiveFrom > day);
            var stretchEnd = next is not null && next.EffectiveFrom <= end ? next.EffectiveFrom.AddDays(-1) : end;
            weeklyTimesDays += weekly * (stretchEnd.DayNumber - day.DayNumber + 1);
            if (stretchEnd == DateOnly.MaxValue) break;
            day = stretchEnd.AddDays(1);
        }
        return LedgerMoney.Round(weeklyTimesDays / 7m);
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
