namespace CommissioningPortal.Domain.Agreements;

public enum LedgerEntryKind
{
    /// <summary>Support delivered: hours × hourly rate. Posted by the provider (or holder).</summary>
    Delivery,

    /// <summary>Something bought from the budget, e.g. a gym pass. Posted by the provider (or holder).</summary>
    Purchase,

    /// <summary>A correction by the authority: positive adds money, negative takes it back.</summary>
    Adjustment,

    /// <summary>Extra money from the authority.</summary>
    TopUp,

    /// <summary>A one-off payment from the authority, e.g. for a particular purchase.</summary>
    OneOffPayment,

    /// <summary>Something to discuss against the agreed plan; no money moves.</summary>
    Anomaly,
}

/// <summary>
/// One line posted to an ISF ledger. Make one with the factory for its kind; each checks its input
/// and throws <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the field to fix.
/// <see cref="Amount"/> is always in pounds to the penny and never negative except for an
/// <see cref="LedgerEntryKind.Adjustment"/>; <see cref="BalanceChange"/> says which way it moves the balance.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The longest narrative accepted.</summary>
    public const int MaxNarrativeLength = 2000;

    private LedgerEntry()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public LedgerEntryKind Kind { get; private set; }
    public DateOnly Date { get; private set; }

    /// <summary>Pounds, two decimal places: money spent for delivery and purchases, money added by the authority otherwise; 0 for an anomaly.</summary>
    public decimal Amount { get; private set; }

    /// <summary>For a delivery: hours delivered.</summary>
    public decimal? Hours { get; private set; }

    /// <summary>For a delivery: the hourly rate in pounds.</summary>
    public decimal? HourlyRate { get; private set; }

    /// <summary>Who posted it (user id or name, as the caller records users).</summary>
    public string PostedBy { get; private set; } = "";

    public string Narrative { get; private set; } = "";

    /// <summary>Delivery and purchases: money going out.</summary>
    public bool IsSpend => Kind is LedgerEntryKind.Delivery or LedgerEntryKind.Purchase;

    /// <summary>Adjustments, top-ups and one-off payments: posted by the authority.</summary>
    public bool IsFromAuthority => Kind is LedgerEntryKind.Adjustment or LedgerEntryKind.TopUp or LedgerEntryKind.OneOffPayment;

    /// <summary>How this entry moves the balance: spend subtracts, money from the authority adds, an anomaly does nothing.</summary>
    public decimal BalanceChange => IsSpend ? -Amount : Amount;

    /// <summary>Support delivered; the amount is hours × rate, rounded to the penny (half away from zero).</summary>
    public static LedgerEntry Delivery(DateOnly date, decimal hours, decimal hourlyRate, string postedBy, string narrative)
    {
        if (hours <= 0 || !LedgerMoney.IsPence(hours))
        {
            throw new ArgumentException("Hours must be more than 0, to at most 2 decimal places (e.g. 2.5).", nameof(hours));
        }
        if (hourlyRate <= 0)
        {
            throw new ArgumentException("The hourly rate must be more than £0.00.", nameof(hourlyRate));
        }
        LedgerMoney.RequirePounds(hourlyRate, nameof(hourlyRate), "The hourly rate", allowNegative: false);
        var entry = Create(LedgerEntryKind.Delivery, date, LedgerMoney.Round(hours * hourlyRate), postedBy, narrative);
        entry.Hours = hours;
        entry.HourlyRate = hourlyRate;
        return entry;
    }

    /// <summary>Something bought from the budget.</summary>
    public static LedgerEntry Purchase(DateOnly date, decimal amount, string postedBy, string narrative) =>
        Create(LedgerEntryKind.Purchase, date, Positive(amount, "The amount spent"), postedBy, narrative);

    /// <summary>Extra money from the authority.</summary>
    public static LedgerEntry TopUp(DateOnly date, decimal amount, string postedBy, string narrative) =>
        Create(LedgerEntryKind.TopUp, date, Positive(amount, "A top-up"), postedBy, narrative);

    /// <summary>A one-off payment from the authority.</summary>
    public static LedgerEntry OneOffPayment(DateOnly date, decimal amount, string postedBy, string narrative) =>
        Create(LedgerEntryKind.OneOffPayment, date, Positive(amount, "A one-off payment"), postedBy, narrative);

    /// <summary>A correction by the authority: positive adds to the balance, negative takes money back.</summary>
    public static LedgerEntry Adjustment(DateOnly date, decimal amount, string postedBy, string narrative)
    {
        LedgerMoney.RequirePounds(amount, nameof(amount), "An adjustment", allowNegative: true);
        if (amount == 0)
        {
            throw new ArgumentException("An adjustment must add or take back some money; to raise something without money, post an anomaly.", nameof(amount));
        }
        return Create(LedgerEntryKind.Adjustment, date, amount, postedBy, narrative);
    }

    /// <summary>Flags something to discuss against the agreed plan; no money moves.</summary>
    public static LedgerEntry Anomaly(DateOnly date, string postedBy, string narrative) =>
        Create(LedgerEntryKind.Anomaly, date, 0m, postedBy, narrative);

    private static decimal Positive(decimal amount, string what)
    {
        LedgerMoney.RequirePounds(amount, nameof(amount), what, allowNegative: false);
        if (amount == 0)
        {
            throw new ArgumentException($"{what} must be more than £0.00.", nameof(amount));
        }
        return amount;
    }

    private static LedgerEntry Create(LedgerEntryKind kind, DateOnly date, decimal amount, string postedBy, string narrative)
    {
        if (string.IsNullOrWhiteSpace(postedBy))
        {
            throw new ArgumentException("Say who posted the entry.", nameof(postedBy));
        }
        if (string.IsNullOrWhiteSpace(narrative))
        {
            throw new ArgumentException(kind == LedgerEntryKind.Anomaly
                ? "Describe what needs to be discussed."
                : "Describe what the money was for.", nameof(narrative));
        }
        narrative = narrative.Trim();
        if (narrative.Length > MaxNarrativeLength)
        {
            throw new ArgumentException($"The description must be {MaxNarrativeLength} characters or fewer (it is {narrative.Length}).", nameof(narrative));
        }
        return new LedgerEntry
        {
            Kind = kind,
            Date = date,
            Amount = amount,
            PostedBy = postedBy.Trim(),
            Narrative = narrative,
        };
    }
}
