namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// One ledger period: <see cref="Start"/> to <see cref="End"/> inclusive, with the budget planned for it.
/// A period is cut short when the agreement ends part-way through one, or when a version with another
/// payment schedule takes over.
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

    /// <summary>"4 weeks from 5 January 2026", "1 week from …", "December 2026", "January to March 2027", "9 days from …".</summary>
    public string Describe()
    {
        if (Days % 7 == 0) return $"{Plural(Days / 7, "week")} from {LedgerText.Date(Start)}";
        if (Start.Day == 1 && End == Start.AddMonths(1).AddDays(-1)) return Start.ToString("MMMM yyyy", LedgerText.Culture);
        if (Start.Day == 1 && (Start.Month - 1) % 3 == 0 && End == Start.AddMonths(3).AddDays(-1))
        {
            return $"{Start.ToString("MMMM", LedgerText.Culture)} to {End.ToString("MMMM yyyy", LedgerText.Culture)}";
        }
        return $"{Plural(Days, "day")} from {LedgerText.Date(Start)}";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
