namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// How long each ledger period is: the agreement's payment schedule. Weekly, fortnightly and four-weekly
/// periods run back to back from the start date of the version in force; monthly and quarterly periods are
/// calendar months and calendar quarters (a first or last one cut short by the dates). The value is the most
/// days one period can have.
/// </summary>
public enum LedgerPeriodLength
{
    /// <summary>28 days, matching a "four-weekly in advance" payment schedule.</summary>
    FourWeekly = 28,

    /// <summary>7 days.</summary>
    Weekly = 7,

    /// <summary>14 days.</summary>
    Fortnightly = 14,

    /// <summary>Calendar months: 1 December to 31 December, and so on.</summary>
    Monthly = 31,

    /// <summary>Calendar quarters: January to March, April to June, July to September, October to December.</summary>
    Quarterly = 92,
}

/// <summary>The ledger's side of a payment schedule.</summary>
public static class LedgerSchedule
{
    /// <summary>The periods for a payment every <paramref name="weeks"/> weeks: 1, 2 or 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other number of weeks.</exception>
    public static LedgerPeriodLength ForIntervalWeeks(int weeks) => weeks switch
    {
        1 => LedgerPeriodLength.Weekly,
        2 => LedgerPeriodLength.Fortnightly,
        4 => LedgerPeriodLength.FourWeekly,
        _ => throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "The ISF is paid weekly, fortnightly or four-weekly when paid by the week."),
    };

    /// <summary>The periods for a payment every <paramref name="months"/> calendar months: 1 (monthly) or 3 (quarterly).</summary>
    public static LedgerPeriodLength ForIntervalMonths(int months) => months switch
    {
        1 => LedgerPeriodLength.Monthly,
        3 => LedgerPeriodLength.Quarterly,
        _ => throw new ArgumentOutOfRangeException(nameof(months), months, "The ISF is paid monthly or quarterly when paid by the month."),
    };

    /// <summary>The periods for the payment schedule of <paramref name="terms"/> (every 1, 2 or 4 weeks; four-weekly if anything else).</summary>
    public static LedgerPeriodLength For(AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.PaymentIntervalWeeks is 1 or 2 or 4 ? ForIntervalWeeks(terms.PaymentIntervalWeeks) : LedgerPeriodLength.FourWeekly;
    }

    /// <summary>"weekly", "fortnightly", "four-weekly", "monthly", "quarterly": as in "paid four-weekly".</summary>
    public static string Describe(LedgerPeriodLength length) => length switch
    {
        LedgerPeriodLength.Weekly => "weekly",
        LedgerPeriodLength.Fortnightly => "fortnightly",
        LedgerPeriodLength.Monthly => "monthly",
        LedgerPeriodLength.Quarterly => "quarterly",
        _ => "four-weekly",
    };

    /// <summary>Whether periods are counted in days from an anchor (true) or follow the calendar (false).</summary>
    internal static bool IsDays(LedgerPeriodLength length) => length is LedgerPeriodLength.Weekly or LedgerPeriodLength.Fortnightly or LedgerPeriodLength.FourWeekly;

    /// <summary>The last day of the period containing <paramref name="day"/>, on the grid that starts at <paramref name="anchor"/>.</summary>
    internal static DateOnly PeriodEnd(LedgerPeriodLength length, DateOnly anchor, DateOnly day)
    {
        long next;
        if (IsDays(length))
        {
            long days = (int)length;
            long offset = day.DayNumber - anchor.DayNumber;
            var k = (offset >= 0 ? offset / days : -((-offset + days - 1) / days)) + 1;
            next = anchor.DayNumber + k * days;
        }
        else
        {
            var months = length == LedgerPeriodLength.Monthly ? 1 : 3;
            var firstMonth = (day.Month - 1) / months * months + 1;
            next = firstMonth + months > 12
                ? (day.Year == DateOnly.MaxValue.Year ? long.MaxValue : new DateOnly(day.Year + 1, firstMonth + months - 12, 1).DayNumber)
                : new DateOnly(day.Year, firstMonth + months, 1).DayNumber;
        }
        return next - 1 >= DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : DateOnly.FromDayNumber((int)(next - 1));
    }
}

/// <summary>A variation that changes the weekly budget from <see cref="EffectiveFrom"/> (inclusive) onwards.</summary>
public sealed record BudgetChange(DateOnly EffectiveFrom, decimal WeeklyAmount);

/// <summary>
/// One authorised version of an agreement as the ledger needs it: its start date, weekly budget and
/// payment schedule, and the day it was authorised (came into force).
/// </summary>
public sealed record AgreedVersion(int Number, DateOnly StartDate, DateOnly AuthorisedOn, decimal WeeklyBudget, LedgerPeriodLength Schedule);

/// <summary>
/// A stretch of days with one version's terms: from <see cref="From"/> until the next stretch starts.
/// Day-based periods follow the grid that starts on <see cref="GridStart"/> (the version's start date).
/// </summary>
public sealed record TermsInForce(DateOnly From, int Version, decimal WeeklyBudget, LedgerPeriodLength Schedule, DateOnly GridStart);

/// <summary>
/// What the ISF ledger needs to know about an agreement: its dates, how it is split into periods,
/// the weekly budget (and the variations that changed it), and what happens to unspent money.
/// Construction checks everything and throws <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public sealed class LedgerTerms
{
    /// <summary>One schedule from <paramref name="startDate"/>, with changes to the weekly budget only.</summary>
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
            throw new ArgumentException("Periods must be weekly, fortnightly, four-weekly, monthly or quarterly.", nameof(periodLength));
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
        CarryOver = carryOver;
        var stretches = new List<TermsInForce> { new(startDate, 1, weeklyBudget, periodLength, startDate) };
        stretches.AddRange(changes.Select(c => new TermsInForce(c.EffectiveFrom, 1, c.WeeklyAmount, periodLength, startDate)));
        Stretches = stretches.AsReadOnly();
    }

    private LedgerTerms(DateOnly? endDate, CarryOverRule carryOver, List<TermsInForce> stretches)
    {
        StartDate = stretches[0].From;
        EndDate = endDate;
        CarryOver = carryOver;
        Stretches = stretches.AsReadOnly();
    }

    /// <summary>
    /// The ledger of an agreement whose authorised versions are <paramref name="versions"/>: each date follows
    /// the version in force on it. Version 1 applies from its start date. A later version applies from the
    /// day it was authorised (or its own start date, if later); days before that keep the version that applied
    /// then. When a version moves the start date earlier, the days it adds before the old start follow it; and
    /// a version authorised before the agreement had started replaces the earlier ones entirely.
    /// </summary>
    public static LedgerTerms FromVersions(IEnumerable<AgreedVersion> versions, DateOnly? endDate, CarryOverRule carryOver)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(carryOver);
        var stretches = new List<TermsInForce>();
        foreach (var v in versions.OrderBy(v => v.Number))
        {
            if (!Enum.IsDefined(v.Schedule))
            {
                throw new ArgumentException($"Version {v.Number} has no payment schedule the ledger knows.", nameof(versions));
            }
            LedgerMoney.RequirePounds(v.WeeklyBudget, nameof(versions), $"The weekly budget of version {v.Number}", allowNegative: false);
            var whole = new TermsInForce(v.StartDate, v.Number, v.WeeklyBudget, v.Schedule, v.StartDate);
            if (stretches.Count == 0 || stretches[0].From > v.AuthorisedOn)
            {
                stretches = [whole]; // the first version, or the agreement had not started: this one replaces it
                continue;
            }
            var from = v.AuthorisedOn > v.StartDate ? v.AuthorisedOn : v.StartDate;
            var kept = stretches.Where(s => s.From < from).ToList();
            if (kept.Count == 0)
            {
                stretches = [whole]; // in force from the agreement's first day
                continue;
            }
            if (v.StartDate < kept[0].From) kept.Insert(0, whole); // the start moved earlier: the new days follow this version
            kept.Add(whole with { From = from });
            stretches = kept;
        }
        if (stretches.Count == 0)
        {
            throw new ArgumentException("The ledger needs at least one authorised version.", nameof(versions));
        }
        if (endDate < stretches[0].From)
        {
            throw new ArgumentException(
                $"The agreement cannot end ({LedgerText.Date(endDate.Value)}) before it starts ({LedgerText.Date(stretches[0].From)}).",
                nameof(endDate));
        }
        return new LedgerTerms(endDate, carryOver, stretches.Where(s => !(s.From > endDate)).ToList());
    }

    /// <summary>The first day of the agreement and of period 1.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The last day of the agreement (inclusive); null while it is open-ended.</summary>
    public DateOnly? EndDate { get; }

    /// <summary>The schedule at the start; see <see cref="PeriodLengthOn"/> for later dates.</summary>
    public LedgerPeriodLength PeriodLength => Stretches[0].Schedule;

    /// <summary>The weekly budget at the start.</summary>
    public decimal WeeklyBudget => Stretches[0].WeeklyBudget;

    /// <summary>The stretches of days with one version's terms, in date order; the first starts on <see cref="StartDate"/>.</summary>
    public IReadOnlyList<TermsInForce> Stretches { get; }

    public CarryOverRule CarryOver { get; }

    /// <summary>The terms in force on <paramref name="date"/> (the first stretch's, before the start).</summary>
    public TermsInForce InForceOn(DateOnly date)
    {
        var found = Stretches[0];
        foreach (var stretch in Stretches)
        {
            if (stretch.From > date) break;
            found = stretch;
        }
        return found;
    }

    /// <summary>The weekly budget in force on <paramref name="date"/>.</summary>
    public decimal WeeklyBudgetOn(DateOnly date) => InForceOn(date).WeeklyBudget;

    /// <summary>The payment schedule in force on <paramref name="date"/>.</summary>
    public LedgerPeriodLength PeriodLengthOn(DateOnly date) => InForceOn(date).Schedule;

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
        return Periods(date)[^1];
    }

    /// <summary>
    /// Periods 1, 2, … up to and including the one containing <paramref name="through"/> (never past the end date).
    /// Each follows the schedule in force on its first day; where a version with another schedule or start
    /// date takes over, the period running then is cut short and the new version's periods begin.
    /// </summary>
    public IReadOnlyList<LedgerPeriod> Periods(DateOnly through)
    {
        var last = through < StartDate ? StartDate : through;
        if (last > EndDate) last = EndDate.Value;
        var periods = new List<LedgerPeriod>();
        var day = StartDate;
        var index = 0; // the stretch containing day
        while (true)
        {
            while (index + 1 < Stretches.Count && Stretches[index + 1].From <= day) index++;
            var stretch = Stretches[index];
            var endDay = LedgerSchedule.PeriodEnd(stretch.Schedule, stretch.GridStart, day);
            // A later stretch on another grid cuts the period short.
            for (var j = index + 1; j < Stretches.Count && Stretches[j].From <= endDay; j++)
            {
                if (Stretches[j].Schedule != stretch.Schedule || (LedgerSchedule.IsDays(stretch.Schedule) && Stretches[j].GridStart != stretch.GridStart))
                {
                    endDay = Stretches[j].From.AddDays(-1);
                    break;
                }
            }
            if (endDay > EndDate) endDay = EndDate.Value;
            periods.Add(new LedgerPeriod(periods.Count + 1, day, endDay, PlannedBetween(day, endDay)));
            if (endDay >= last || endDay == DateOnly.MaxValue) break;
            day = endDay.AddDays(1);
        }
        return periods;
    }

    /// <summary>
    /// The weekly budget in force on each day, summed as sevenths of a week and rounded once to the penny;
    /// so a full four-week period at £312.00 a week plans exactly £1,248.00, and a variation part-way
    /// through a period counts from its day.
    /// </summary>
    private decimal PlannedBetween(DateOnly start, DateOnly end)
    {
        var weeklyTimesDays = 0m;
        for (var i = 0; i < Stretches.Count; i++)
        {
            var from = Stretches[i].From < start ? start : Stretches[i].From;
            var to = i + 1 < Stretches.Count ? Stretches[i + 1].From.AddDays(-1) : end;
            if (to > end) to = end;
            if (to < from) continue;
            weeklyTimesDays += Stretches[i].WeeklyBudget * (to.DayNumber - from.DayNumber + 1);
        }
        return LedgerMoney.Round(weeklyTimesDays / 7m);
    }
}
