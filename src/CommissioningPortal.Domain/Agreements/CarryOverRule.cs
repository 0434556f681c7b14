namespace CommissioningPortal.Domain.Agreements;

public enum CarryOverKind
{
    /// <summary>Everything unspent at a period's end is carried into the next period.</summary>
    Unlimited,

    /// <summary>Unspent money is carried forward up to a cap; anything over it goes back to the authority.</summary>
    UpToCap,

    /// <summary>Nothing unspent is carried forward; it all goes back to the authority.</summary>
    None,
}

/// <summary>
/// What happens to unspent money at the end of each period, a term of the agreement.
/// The rule only limits what is <em>unspent</em>: an overspend is always carried forward, so it stays
/// visible and is made up from the next period's budget or by a top-up from the authority.
/// </summary>
public sealed record CarryOverRule
{
    private CarryOverRule(CarryOverKind kind, int? capWeeks, decimal? capAmount)
    {
        Kind = kind;
        CapWeeks = capWeeks;
        CapAmount = capAmount;
    }

    public CarryOverKind Kind { get; }

    /// <summary>For <see cref="CarryOverKind.UpToCap"/>: the cap as this many weeks of the weekly budget in force on the period's last day.</summary>
    public int? CapWeeks { get; }

    /// <summary>For <see cref="CarryOverKind.UpToCap"/>: the cap as a fixed amount in pounds.</summary>
    public decimal? CapAmount { get; }

    public static CarryOverRule Unlimited { get; } = new(CarryOverKind.Unlimited, null, null);

    public static CarryOverRule None { get; } = new(CarryOverKind.None, null, null);

    /// <summary>What an agreement that does not say otherwise carries: up to four weeks' budget (the ledger's period).</summary>
    public static CarryOverRule Standard { get; } = new(CarryOverKind.UpToCap, 4, null);

    /// <summary>From a number of weeks as the agreement form takes it: none given is no limit, 0 is nothing carried.</summary>
    public static CarryOverRule FromWeeks(int? weeks) => weeks switch
    {
        null => Unlimited,
        0 => None,
        { } w => UpToWeeksOfBudget(w),
    };

    /// <summary>Carry forward up to <paramref name="weeks"/> weeks' budget, e.g. 4.</summary>
    public static CarryOverRule UpToWeeksOfBudget(int weeks)
    {
        if (weeks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "The carry-over cap cannot be a negative number of weeks.");
        }
        return new(CarryOverKind.UpToCap, weeks, null);
    }

    /// <summary>Carry forward up to a fixed <paramref name="amount"/> in pounds.</summary>
    public static CarryOverRule UpToAmount(decimal amount)
    {
        LedgerMoney.RequirePounds(amount, nameof(amount), "The carry-over cap", allowNegative: false);
        return new(CarryOverKind.UpToCap, null, amount);
    }

    /// <summary>Rebuilds a stored rule; for <see cref="CarryOverKind.UpToCap"/> exactly one of the caps must be given.</summary>
    public static CarryOverRule From(CarryOverKind kind, int? capWeeks, decimal? capAmount) => kind switch
    {
        CarryOverKind.Unlimited or CarryOverKind.None when capWeeks is null && capAmount is null => kind == CarryOverKind.None ? None : Unlimited,
        CarryOverKind.Unlimited or CarryOverKind.None => throw new ArgumentException("Only the 'up to a cap' rule has a cap.", nameof(kind)),
        CarryOverKind.UpToCap when capWeeks is { } weeks && capAmount is null => UpToWeeksOfBudget(weeks),
        CarryOverKind.UpToCap when capAmount is { } amount && capWeeks is null => UpToAmount(amount),
        CarryOverKind.UpToCap => throw new ArgumentException("Give the cap either as weeks of budget or as an amount, not both or neither.", nameof(capWeeks)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown carry-over rule."),
    };

    /// <summary>The most that may be carried out of a period ending on <paramref name="periodEnd"/>; null when there is no limit.</summary>
    public decimal? LimitFor(LedgerTerms terms, DateOnly periodEnd) => Kind switch
    {
        CarryOverKind.None => 0m,
        CarryOverKind.UpToCap when CapWeeks is { } weeks => terms.WeeklyBudgetOn(periodEnd) * weeks,
        CarryOverKind.UpToCap => CapAmount,
        _ => null,
    };

    /// <summary>The rule in a plain sentence, for the agreement and the statement.</summary>
    public string Describe() => Kind switch
    {
        CarryOverKind.None => "Money not spent in a period goes back to the authority at the end of the period.",
        CarryOverKind.UpToCap when CapWeeks is { } weeks => $"Money not spent in a period is carried forward, up to {(weeks == 1 ? "1 week's" : $"{weeks} weeks'")} budget; anything over that goes back to the authority.",
        CarryOverKind.UpToCap => $"Money not spent in a period is carried forward, up to {LedgerText.Money(CapAmount ?? 0)}; anything over that goes back to the authority.",
        _ => "Money not spent in a period is carried forward to the next period.",
    };
}
