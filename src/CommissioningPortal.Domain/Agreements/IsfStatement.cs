namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// The ISF ledger worked out period by period (see <see cref="IsfLedger.Statement"/>). Everything adds up:
/// <c>TotalPlanned − TotalSpent + TotalAddedByAuthority − TotalReturned = Balance</c>.
/// </summary>
public sealed class IsfStatement
{
    internal IsfStatement(LedgerTerms terms, DateOnly asOf, IReadOnlyList<PeriodStatement> periods)
    {
        Terms = terms;
        AsOf = asOf;
        Periods = periods;
    }

    public LedgerTerms Terms { get; }

    /// <summary>The day the statement was worked out for: periods whose last day is before it are closed.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Period 1 onwards; never empty.</summary>
    public IReadOnlyList<PeriodStatement> Periods { get; }

    public decimal TotalPlanned => Periods.Sum(p => p.Planned);
    public decimal TotalSpent => Periods.Sum(p => p.Spent);
    public decimal TotalAddedByAuthority => Periods.Sum(p => p.AddedByAuthority);
    public decimal TotalReturned => Periods.Sum(p => p.Returned);

    /// <summary>The balance now: what the last period carries out (negative when overspent).</summary>
    public decimal Balance => Periods[^1].CarriedOut;
}

/// <summary>One period of a statement. All amounts are in pounds to the penny.</summary>
public sealed class PeriodStatement
{
    internal PeriodStatement(
        LedgerPeriod period,
        bool isClosed,
        decimal carriedIn,
        decimal spent,
        decimal addedByAuthority,
        decimal? carryOverLimit,
        decimal returned,
        decimal balance,
        IReadOnlyList<StatementLine> lines)
    {
        Period = period;
        IsClosed = isClosed;
        CarriedIn = carriedIn;
        Spent = spent;
        AddedByAuthority = addedByAuthority;
        CarryOverLimit = carryOverLimit;
        Returned = returned;
        Balance = balance;
        Lines = lines;
    }

    public LedgerPeriod Period { get; }

    /// <summary>
    /// The period's last day has passed, so the carry-over rule has been applied. For a period still
    /// running nothing has been returned yet and <see cref="CarriedOut"/> is the balance so far.
    /// </summary>
    public bool IsClosed { get; }

    /// <summary>What the previous period carried out (0 for period 1; negative after an overspend).</summary>
    public decimal CarriedIn { get; }

    public decimal Planned => Period.Planned;

    /// <summary>Delivery, purchases and corrections dated in the period (reversals take theirs back).</summary>
    public decimal Spent { get; }

    /// <summary>Top-ups, one-off payments and adjustments dated in the period (adjustments may take money back).</summary>
    public decimal AddedByAuthority { get; }

    /// <summary>Spent − Planned: positive when more was spent than planned, negative when less.</summary>
    public decimal Variance => Spent - Planned;

    /// <summary>Variance as a percentage of Planned, to one decimal place; null when nothing was planned.</summary>
    public decimal? VariancePercent => Planned == 0 ? null : decimal.Round(Variance / Planned * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>The most the carry-over rule lets this period carry out; null when there is no limit.</summary>
    public decimal? CarryOverLimit { get; }

    /// <summary>Unspent money over the carry-over limit, returned to the authority at the period's end.</summary>
    public decimal Returned { get; }

    /// <summary>What goes into the next period: the rolling <see cref="Balance"/> at the end of this one.</summary>
    public decimal CarriedOut => Balance;

    /// <summary>
    /// The rolling balance at the period's end (or so far): carried in + planned + added by the
    /// authority − spent − returned. Equal to <see cref="CarriedOut"/>.
    /// </summary>
    public decimal Balance { get; }

    /// <summary>The period's entries in date order (posting order within a day), each with the running balance after it.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }

    /// <summary>Things flagged to discuss in the period (not those withdrawn by a reversal).</summary>
    public IEnumerable<LedgerEntry> Anomalies => Lines.Where(l => l.Entry.Kind == LedgerEntryKind.Anomaly && !l.Entry.IsReversal && l.ReversedBy is null).Select(l => l.Entry);
}

/// <summary>
/// An entry on a statement with the running balance after it. The running balance starts each period at
/// carried in + planned (the budget is paid at the start of the period, in advance).
/// </summary>
public sealed record StatementLine(LedgerEntry Entry, decimal BalanceAfter)
{
    /// <summary>The reversal that undoes this entry, if it has been reversed.</summary>
    public LedgerEntry? ReversedBy { get; init; }

    /// <summary>For a reversal: the entry it undoes.</summary>
    public LedgerEntry? Reverses { get; init; }
}
