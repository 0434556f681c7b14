namespace CommissioningPortal.Domain.Agreements;

/// <summary>How long each ledger period is. Periods run back to back from the agreement's start date.</summary>
public enum LedgerPeriodLength
{
    /// <summary>28 days, matching a "four-weekly in advance" payment schedule.</summary>
    FourWeekly = 28,

    /// <summary>7 days.</summary>
    Weekly = 7,
}

/// <summary>A variation that changes the weekly budget from <see cref="EffectiveFrom"/> (inclusive) onwards.</summary>
public sealed record BudgetChange(DateOnly EffectiveFrom, decimal WeeklyAmount);

/// <summary>
/// What the ISF ledger needs to know about an agreement: its dates, how it is split into periods,
/// the weekly budget (and the variations that changed it), and what happens to unspent money.
/// Construction checks everything and throws <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public sealed class LedgerTerms
{
    public LedgerTerms(
        DateOnly startDate,
        DateOnly? endDate,
        LedgerPeriodLength periodLength,
        decimal weeklyBudget,
        CarryOverRule carryOver,
        IEnumerable<BudgetChange>? budgetChanges = null)
    {
        ArgumentNullException.ThrowIfNull(carryOver);
        if (!Enum.IsDefined(periodLength))
        {
            throw new ArgumentException("Periods must be four-weekly or weekly.", nameof(periodLength));
        }
        if (endDate < startDate)
        {
            throw new ArgumentException(
                $"The agreement cannot end ({LedgerText.Date(endDate.Value)}) before it starts ({LedgerText.Date(startDate)}).",
                nameof(endDate));
        }
        LedgerMoney.RequirePounds(weeklyBudget, nameof(weeklyBudget), "The weekly budget", allowNegative: false);

        var changes = (budgetChanges ?? []).OrderBy(c => c.EffectiveFrom).ToList();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            LedgerMoney.RequirePounds(change.WeeklyAmount, nameof(budgetChanges), $"The weekly budget from {LedgerText.Date(change.EffectiveFrom)}", allowNegative: false);
            if (change.EffectiveFrom <= startDate)
            {
                throw new ArgumentException(
                    $"A budget change must take effect after the agreement starts ({LedgerText.Date(startDate)}); " +
                    $"this one is from {LedgerText.Date(change.EffectiveFrom)}. Change the starting weekly budget instead.",
                    nameof(budgetChanges));
            }
            if (change.EffectiveFrom > endDate)
            {
                throw new ArgumentException(
                    $"A budget change from {LedgerText.Date(change.EffectiveFrom)} is after the agreement ends ({LedgerText.Date(endDate.Value)}).",
                    nameof(budgetChanges));
            }
            if (i > 0 && changes[i - 1].EffectiveFrom == change.EffectiveFrom)
            {
                throw new ArgumentException(
                    $"Two budget changes take effect on {LedgerText.Date(change.EffectiveFrom)}; keep only one.",
                    nameof(budgetChanges));
            }
        }

        StartDate = startDate;
        EndDate = endDate;
        PeriodLength = periodLength;
        WeeklyBudget = weeklyBudget;
        CarryOver = carryOver;
        BudgetChanges = changes.AsReadOnly();
    }

    /// <summary>The first day of the agreement and of period 1.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The last day of the agreement (inclusive); null while it is open-ended.</summary>
    public DateOnly? EndDate { get; }

    public LedgerPeriodLength PeriodLength { get; }

    /// <summary>The weekly budget at the start, before any <see cref="BudgetChanges"/>.</summary>
    public decimal WeeklyBudget { get; }

    /// <summary>Variations to the weekly budget, in date order.</summary>
    public IReadOnlyList<BudgetChange> BudgetChanges { get; }

    public CarryOverRule CarryOver { get; }

    /// <summary>The weekly budget in force on <paramref name="date"/>.</summary>
    public decimal WeeklyBudgetOn(DateOnly date)
    {
        var weekly = WeeklyBudget;
        foreach (var change in BudgetChanges)
        {
            if (change.EffectiveFrom > date) break;
            weekly = change.WeeklyAmount;
        }
        return weekly;
    }

    /// <summary>Null when an entry may be dated <paramref name="date"/>; otherwise a plain reason (for a form's date field).</summary>
    public string? CheckEntryDate(DateOnly date) =>
        OutsideReason(date) is { } reason ? $"{LedgerText.Date(date)} is {reason}." : null;

    /// <summary>"before the agreement starts on …" / "after the agreement ends on …"; null when inside.</summary>
    internal string? OutsideReason(DateOnly date)
    {
        if (date < StartDate)
        {
            return $"before the agreement starts on {LedgerText.Date(StartDate)}";
        }
        if (date > EndDate)
        {
            return $"after the agreement ends on {LedgerText.Date(EndDate.Value)}";
        }
        return null;
    }

    /// <summary>The period an entry dated <paramref name="date"/> belongs to.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the agreement.</exception>
    public LedgerPeriod PeriodContaining(DateOnly date)
    {
        if (CheckEntryDate(date) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, problem);
        }
        return LedgerPeriod.Nth(this, (date.DayNumber - StartDate.DayNumber) / (int)PeriodLength + 1);
    }

    /// <summary>Periods 1, 2, … up to and including the one containing <paramref name="through"/> (never past the end date).</summary>
    public IReadOnlyList<LedgerPeriod> Periods(DateOnly through)
    {
        var last = through < StartDate ? StartDate : through;
        if (last > EndDate) last = EndDate.Value;
        var count = (last.DayNumber - StartDate.DayNumber) / (int)PeriodLength + 1;
        var periods = new List<LedgerPeriod>(count);
        for (var n = 1; n <= count; n++)
        {
            periods.Add(LedgerPeriod.Nth(this, n));
        }
        return periods;
    }
}
