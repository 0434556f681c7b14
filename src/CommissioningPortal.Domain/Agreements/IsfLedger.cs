using System.Globalization;

namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// The ISF ledger rules (issue 5): a statement per period with the carry-over rule, review signals for
/// recurring over- or under-use beyond a tolerance, and a plain statement for the person.
/// Pure functions of the terms and the entries: store the entries, work the statement out when shown.
/// </summary>
public static class IsfLedger
{
    /// <summary>
    /// Works out every period from the start up to the one containing <paramref name="asOf"/> (or the
    /// latest entry, if later; never past the end date). Each period starts with what the previous one
    /// carried out plus its planned budget; entries move the balance; when the period has closed
    /// (its last day is before <paramref name="asOf"/>) unspent money over the carry-over limit is returned
    /// to the authority, and the rest is carried into the next period.
    /// </summary>
    /// <exception cref="LedgerEntryOutsideAgreementException">An entry is dated before the agreement starts or after it ends.</exception>
    public static IsfStatement Statement(LedgerTerms terms, IEnumerable<LedgerEntry> entries, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        var through = asOf;
        foreach (var entry in all)
        {
            if (entry is null)
            {
                throw new ArgumentException("The list of entries contains a null entry.", nameof(entries));
            }
            if (terms.OutsideReason(entry.Date) is { } reason)
            {
                throw new LedgerEntryOutsideAgreementException(entry, reason);
            }
            if (entry.Date > through) through = entry.Date;
        }

        var periods = terms.Periods(through);
        var buckets = new List<LedgerEntry>[periods.Count];
        foreach (var entry in all)
        {
            var index = IndexOf(periods, entry.Date);
            (buckets[index] ??= []).Add(entry);
        }
        // Reversals and the entries they undo, both ways.
        var byId = new Dictionary<Guid, LedgerEntry>();
        foreach (var entry in all) byId.TryAdd(entry.Id, entry);
        var reversedBy = new Dictionary<Guid, LedgerEntry>();
        foreach (var entry in all)
        {
            if (entry.ReversesId is { } target) reversedBy.TryAdd(target, entry);
        }

        var statements = new List<PeriodStatement>(periods.Count);
        var carriedIn = 0m;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var running = carriedIn + period.Planned;
            var spent = 0m;
            var added = 0m;
            var lines = new List<StatementLine>();
            // OrderBy is stable: entries on the same day keep the order they were given in.
            foreach (var entry in (buckets[i] ?? []).OrderBy(e => e.Date))
            {
                if (entry.IsSpend) spent += entry.Amount;
                else if (entry.IsFromAuthority) added += entry.Amount;
                running += entry.BalanceChange;
                lines.Add(new StatementLine(entry, running)
                {
                    ReversedBy = reversedBy.GetValueOrDefault(entry.Id),
                    Reverses = entry.ReversesId is { } target ? byId.GetValueOrDefault(target) : null,
                });
            }

            var isClosed = period.End < asOf;
            var limit = terms.CarryOver.LimitFor(terms, period.End);
            var returned = isClosed && limit is { } cap && running > cap ? running - cap : 0m;
            var balance = running - returned;
            statements.Add(new PeriodStatement(period, isClosed, carriedIn, spent, added, limit, returned, balance, lines.AsReadOnly()));
            carriedIn = balance;
        }
        return new IsfStatement(terms, asOf, statements.AsReadOnly());
    }

    /// <summary>The index of the period containing <paramref name="date"/> (periods are back to back and cover it).</summary>
    private static int IndexOf(IReadOnlyList<LedgerPeriod> periods, DateOnly date)
    {
        int lo = 0, hi = periods.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (periods[mid].Start <= date) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>
    /// What the poster must be warned about before <paramref name="candidate"/> is added to <paramref name="entries"/>:
    /// it takes the balance below zero (or further below), or takes spending in its period more than
    /// <paramref name="tolerancePercent"/>% over what was planned. One plain sentence each; empty when neither.
    /// Such an entry needs a reason, and the practitioner and the person are told.
    /// </summary>
    public static IReadOnlyList<string> Warnings(LedgerTerms terms, IEnumerable<LedgerEntry> entries, LedgerEntry candidate, DateOnly asOf, decimal tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(candidate);
        var existing = entries.ToList();
        var before = Statement(terms, existing, asOf);
        var after = Statement(terms, existing.Append(candidate), asOf);
        var warnings = new List<string>();
        if (candidate.BalanceChange < 0 && after.Balance < 0)
        {
            warnings.Add(before.Balance >= 0
                ? $"This takes the balance below zero: from {Money(before.Balance)} to {Money(after.Balance)}."
                : $"The balance is already below zero, and this takes it from {Money(before.Balance)} to {Money(after.Balance)}.");
        }
        if (candidate.IsSpend && candidate.Amount > 0)
        {
            var period = after.Periods.First(p => p.Period.Contains(candidate.Date));
            var margin = period.Planned * tolerancePercent / 100m;
            if (period.Spent - period.Planned > margin)
            {
                var percent = tolerancePercent.ToString("0.##", CultureInfo.InvariantCulture);
                warnings.Add(period.Planned == 0
                    ? $"Nothing is planned for {Lower(period.Period.Describe())}, and this makes spending in it {Money(period.Spent)}."
                    : $"This makes spending in {Lower(period.Period.Describe())} {Money(period.Spent)} against {Money(period.Planned)} planned: " +
                      $"more than the {percent}% over plan the agreement allows.");
            }
        }
        return warnings.AsReadOnly();
    }

    private static string Lower(string describe) => char.IsDigit(describe[0]) ? "the " + describe : describe;

    /// <summary>
    /// A signal for each run of at least <paramref name="consecutivePeriods"/> closed periods in a row in
    /// which spending was more than <paramref name="tolerancePercent"/>% over plan (or each under plan).
    /// Exactly on the tolerance is not a breach. A period with nothing planned breaches "over" if anything
    /// was spent. Periods still running are ignored: a period part-way through always looks under plan.
    /// </summary>
    public static IReadOnlyList<ReviewSignal> ReviewSignals(IsfStatement statement, decimal tolerancePercent, int consecutivePeriods)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (tolerancePercent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerancePercent), tolerancePercent, "The tolerance cannot be negative.");
        }
        if (consecutivePeriods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(consecutivePeriods), consecutivePeriods, "Review after at least 1 period.");
        }

        var signals = new List<ReviewSignal>();
        SpendDirection? direction = null;
        var first = 0;
        var last = 0;
        void Flush()
        {
            if (direction is { } d && last - first + 1 >= consecutivePeriods)
            {
                signals.Add(new ReviewSignal(d, first, last, tolerancePercent, Reason(d, tolerancePercent, last - first + 1)));
            }
        }

        foreach (var period in statement.Periods.Where(p => p.IsClosed))
        {
            var breach = Breach(period, tolerancePercent);
            if (breach is not null && breach == direction)
            {
                last = period.Period.Number;
                continue;
            }
            Flush();
            direction = breach;
            first = last = period.Period.Number;
        }
        Flush();
        return signals;
    }

    /// <summary>
    /// One plain-English line per period for the person, e.g.
    /// "4 weeks from 5 January 2026: planned £1,248.00, spent £1,180.50, £67.50 carried forward".
    /// </summary>
    public static IReadOnlyList<string> PlainStatement(IsfStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.Periods.Select(PlainLine).ToList().AsReadOnly();
    }

    private static string PlainLine(PeriodStatement p)
    {
        var parts = new List<string>();
        if (p.CarriedIn > 0) parts.Add($"{Money(p.CarriedIn)} brought forward");
        if (p.CarriedIn < 0) parts.Add($"{Money(-p.CarriedIn)} overspent brought forward");
        parts.Add($"planned {Money(p.Planned)}");
        if (p.AddedByAuthority > 0) parts.Add($"the authority added {Money(p.AddedByAuthority)}");
        if (p.AddedByAuthority < 0) parts.Add($"the authority took back {Money(-p.AddedByAuthority)}");
        parts.Add($"spent {Money(p.Spent)}");
        if (p.IsClosed)
        {
            parts.Add(p.CarriedOut switch
            {
                > 0 => $"{Money(p.CarriedOut)} carried forward",
                < 0 => $"{Money(-p.CarriedOut)} overspent, carried forward",
                _ => "nothing carried forward",
            });
            if (p.Returned > 0) parts.Add($"{Money(p.Returned)} returned to the authority");
        }
        else
        {
            parts.Add(p.Balance >= 0 ? $"{Money(p.Balance)} left so far" : $"{Money(-p.Balance)} overspent so far");
        }

        var line = $"{p.Period.Describe()}: {string.Join(", ", parts)}";
        var flagged = p.Anomalies.Count();
        var reversed = p.Lines.Count(l => l.Entry.IsReversal);
        if (reversed > 0) line += reversed == 1 ? "; 1 entry reversed" : $"; {reversed} entries reversed";
        if (flagged > 0) line += flagged == 1 ? "; 1 thing flagged to discuss" : $"; {flagged} things flagged to discuss";
        return line;
    }

    private static SpendDirection? Breach(PeriodStatement p, decimal tolerancePercent)
    {
        var margin = p.Planned * tolerancePercent / 100m;
        if (p.Spent - p.Planned > margin) return SpendDirection.Over;
        if (p.Planned - p.Spent > margin) return SpendDirection.Under;
        return null;
    }

    private static string Reason(SpendDirection direction, decimal tolerancePercent, int periods)
    {
        var percent = tolerancePercent.ToString("0.##", CultureInfo.InvariantCulture);
        var which = direction == SpendDirection.Over ? "over" : "under";
        return periods == 1
            ? $"Spending has been more than {percent}% {which} plan for 1 period"
            : $"Spending has been more than {percent}% {which} plan for {periods} periods in a row";
    }

    private static string Money(decimal amount) => LedgerText.Money(amount);

    /// <summary>The kind of entry in plain words: "delivery", "purchase", "correction", "top-up", …</summary>
    public static string Describe(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Delivery => "delivery",
        LedgerEntryKind.Purchase => "purchase",
        LedgerEntryKind.Adjustment => "adjustment",
        LedgerEntryKind.TopUp => "top-up",
        LedgerEntryKind.OneOffPayment => "one-off payment",
        LedgerEntryKind.Correction => "correction",
        _ => "note to discuss",
    };
}

/// <summary>An entry dated before the agreement starts or after it ends; it belongs to no period.</summary>
public sealed class LedgerEntryOutsideAgreementException : ArgumentException
{
    internal LedgerEntryOutsideAgreementException(LedgerEntry entry, string reason)
        : base($"The {IsfLedger.Describe(entry.Kind)} \"{Shorten(entry.Narrative)}\" is dated {LedgerText.Date(entry.Date)}, {reason}.")
    {
        Entry = entry;
    }

    public LedgerEntry Entry { get; }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
