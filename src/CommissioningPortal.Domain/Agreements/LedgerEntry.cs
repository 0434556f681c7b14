using CommissioningPortal.Domain.Common;

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

    /// <summary>
    /// A correction to spending by the budget holder, with a reason: negative takes spending back
    /// (e.g. −5.00 for a purchase posted £5 too high), positive adds spending that was missed.
    /// </summary>
    Correction,
}

/// <summary>
/// One line posted to an ISF ledger. Make one with the factory for its kind; each checks its input
/// and throws <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the field to fix.
/// <see cref="Amount"/> is always in pounds to the penny and never negative except for an
/// <see cref="LedgerEntryKind.Adjustment"/>, a <see cref="LedgerEntryKind.Correction"/> or a reversal;
/// <see cref="BalanceChange"/> says which way it moves the balance. An entry is never deleted: a mistake is
/// undone by a reversal (<see cref="Reversal"/>), a second entry of the same kind and date with the amount
/// negated, linked by <see cref="ReversesId"/> and carrying its reason.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The longest narrative accepted.</summary>
    public const int MaxNarrativeLength = 2000;

    /// <summary>What a reversal without a reason is refused with.</summary>
    public const string WhyReversed = "Say why the entry is being reversed.";

    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 1000;

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

    /// <summary>
    /// Why: required for a correction and a reversal, and for an entry that takes the balance below zero or
    /// spending beyond the tolerance (see <see cref="IsfLedger.Warnings"/>); null when none was given.
    /// </summary>
    public string? Reason { get; private set; }

    /// <summary>For a reversal: the entry it reverses.</summary>
    public Guid? ReversesId { get; private set; }

    /// <summary>This entry undoes another (<see cref="ReversesId"/>).</summary>
    public bool IsReversal => ReversesId is not null;

    /// <summary>Delivery, purchases and the holder's corrections to them: money going out.</summary>
    public bool IsSpend => Kind is LedgerEntryKind.Delivery or LedgerEntryKind.Purchase or LedgerEntryKind.Correction;

    /// <summary>Adjustments, top-ups and one-off payments: posted by the authority.</summary>
    public bool IsFromAuthority => Kind is LedgerEntryKind.Adjustment or LedgerEntryKind.TopUp or LedgerEntryKind.OneOffPayment;

    /// <summary>How this entry moves the balance: spend subtracts, money from the authority adds, an anomaly does nothing.</summary>
    public decimal BalanceChange => IsSpend ? -Amount : Amount;

    /// <summary>The most one entry may move: £100,000, the portal's ceiling for any one amount.</summary>
    public const decimal MaxPounds = 100_000m;

    /// <summary>The most hours one delivery entry may hold: four weeks, day and night.</summary>
    public const decimal MaxHours = 672m;

    /// <summary>The highest hourly rate a delivery may be posted at.</summary>
    public const decimal MaxHourlyRate = 1_000m;

    /// <summary>Support delivered; the amount is hours × rate, rounded to the penny (half away from zero).</summary>
    public static LedgerEntry Delivery(DateOnly date, decimal hours, decimal hourlyRate, string postedBy, string narrative, string? reason = null)
    {
        ThrowFirst(Check(LedgerEntryKind.Delivery, hours, hourlyRate, null, narrative, reason), postedBy);
        var entry = Create(LedgerEntryKind.Delivery, date, LedgerMoney.Round(hours * hourlyRate), postedBy, narrative, reason);
        entry.Hours = hours;
        entry.HourlyRate = hourlyRate;
        return entry;
    }

    /// <summary>Something bought from the budget.</summary>
    public static LedgerEntry Purchase(DateOnly date, decimal amount, string postedBy, string narrative, string? reason = null) =>
        Make(LedgerEntryKind.Purchase, date, amount, postedBy, narrative, reason);

    /// <summary>The budget holder's correction to spending: negative takes spending back, positive adds it; the reason is required.</summary>
    public static LedgerEntry Correction(DateOnly date, decimal amount, string postedBy, string narrative, string reason) =>
        Make(LedgerEntryKind.Correction, date, amount, postedBy, narrative, reason);

    /// <summary>
    /// Undoes <paramref name="original"/>: the same kind and date (so its period adds up as if it had not
    /// happened) with the amount and hours negated, linked to it, with the reason. Both stay on the statement.
    /// </summary>
    public static LedgerEntry Reversal(LedgerEntry original, string postedBy, string reason)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.IsReversal)
        {
            throw new ArgumentException("A reversal cannot itself be reversed: post the entry again instead.", nameof(original));
        }
        var problems = new List<(string Field, string Message)>();
        if (ReasonProblem(reason, required: true, WhyReversed) is { } why) problems.Add((nameof(reason), why));
        ThrowFirst(problems, postedBy);
        return new LedgerEntry
        {
            Kind = original.Kind,
            Date = original.Date,
            Amount = -original.Amount,
            Hours = -original.Hours,
            HourlyRate = original.HourlyRate,
            PostedBy = postedBy.Trim(),
            Narrative = original.Narrative,
            Reason = reason.Trim(),
            ReversesId = original.Id,
        };
    }

    /// <summary>Extra money from the authority.</summary>
    public static LedgerEntry TopUp(DateOnly date, decimal amount, string postedBy, string narrative, string? reason = null) =>
        Make(LedgerEntryKind.TopUp, date, amount, postedBy, narrative, reason);

    /// <summary>A one-off payment from the authority.</summary>
    public static LedgerEntry OneOffPayment(DateOnly date, decimal amount, string postedBy, string narrative, string? reason = null) =>
        Make(LedgerEntryKind.OneOffPayment, date, amount, postedBy, narrative, reason);

    /// <summary>A correction by the authority: positive adds to the balance, negative takes money back.</summary>
    public static LedgerEntry Adjustment(DateOnly date, decimal amount, string postedBy, string narrative, string? reason = null) =>
        Make(LedgerEntryKind.Adjustment, date, amount, postedBy, narrative, reason);

    /// <summary>Flags something to discuss against the agreed plan; no money moves.</summary>
    public static LedgerEntry Anomaly(DateOnly date, string postedBy, string narrative, string? reason = null) =>
        Make(LedgerEntryKind.Anomaly, date, 0m, postedBy, narrative, reason);

    /// <summary>
    /// Every problem with an entry of <paramref name="kind"/>, each with the parameter it is about
    /// ("hours", "hourlyRate", "amount", "narrative", "reason") — all of them, so a form can show them at once.
    /// A null figure is one that is missing. The factories refuse the first of these.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(LedgerEntryKind kind, decimal? hours, decimal? hourlyRate, decimal? amount, string? narrative, string? reason = null)
    {
        var problems = new List<(string, string)>();
        if (kind == LedgerEntryKind.Delivery)
        {
            if (hours is not { } h || h <= 0 || !LedgerMoney.IsPence(h)) problems.Add((nameof(hours), "Hours must be more than 0, to at most 2 decimal places (e.g. 2.5)."));
            else if (h > MaxHours) problems.Add((nameof(hours), $"Hours must be {MaxHours:0} or fewer in one entry (four weeks, day and night)."));
            if (hourlyRate is not { } r || r <= 0) problems.Add((nameof(hourlyRate), "The hourly rate must be more than £0.00."));
            else if (!LedgerMoney.IsPence(r)) problems.Add((nameof(hourlyRate), $"The hourly rate must be in pounds and pence (at most 2 decimal places), not {r}."));
            else if (r > MaxHourlyRate) problems.Add((nameof(hourlyRate), $"The hourly rate must be {LedgerText.Money(MaxHourlyRate)} or less."));
            else if (problems.Count == 0 && LedgerMoney.Round(hours!.Value * r) > MaxPounds)
            {
                problems.Add((nameof(hours), $"{hours} hours at {LedgerText.Money(r)} is more than the {LedgerText.Money(MaxPounds)} one entry can hold: post it as more than one entry."));
            }
        }
        else if (kind != LedgerEntryKind.Anomaly)
        {
            var what = kind switch
            {
                LedgerEntryKind.Purchase => "The amount spent",
                LedgerEntryKind.TopUp => "A top-up",
                LedgerEntryKind.OneOffPayment => "A one-off payment",
                LedgerEntryKind.Correction => "A correction",
                _ => "An adjustment",
            };
            if (amount is not { } a) problems.Add((nameof(amount), $"Enter the amount in pounds, like 12.50."));
            else if (!LedgerMoney.IsPence(a)) problems.Add((nameof(amount), $"{what} must be in pounds and pence (at most 2 decimal places), not {a}."));
            else if (a < 0 && kind is not LedgerEntryKind.Adjustment and not LedgerEntryKind.Correction)
            {
                problems.Add((nameof(amount), kind is LedgerEntryKind.Purchase
                    ? "The amount spent cannot be negative. To take back money posted in error, post a correction (it can be negative) or reverse the entry."
                    : $"{what} cannot be negative."));
            }
            else if (a == 0)
            {
                problems.Add((nameof(amount), kind switch
                {
                    LedgerEntryKind.Adjustment => "An adjustment must add or take back some money; to raise something without money, post an anomaly.",
                    LedgerEntryKind.Correction => "A correction must change the amount spent: a negative amount, like -5.00, takes spending back; a positive one adds spending that was missed.",
                    _ => $"{what} must be more than £0.00.",
                }));
            }
            else if (Math.Abs(a) > MaxPounds) problems.Add((nameof(amount), $"{what} must be {LedgerText.Money(MaxPounds)} or less in one entry."));
        }

        var words = narrative?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            problems.Add((nameof(narrative), kind == LedgerEntryKind.Anomaly ? "Describe what needs to be discussed." : "Describe what the money was for."));
        }
        else if (words.Length > MaxNarrativeLength)
        {
            problems.Add((nameof(narrative), $"The description must be {MaxNarrativeLength} characters or fewer (it is {words.Length})."));
        }
        else if (PlainText.ParagraphsProblem("The description", words) is { } hidden)
        {
            problems.Add((nameof(narrative), hidden));
        }
        if (ReasonProblem(reason, kind == LedgerEntryKind.Correction, "Say why the correction is needed.") is { } why) problems.Add((nameof(reason), why));
        return problems;
    }

    /// <summary>What is wrong with a reason, when <paramref name="required"/> or given: not said, too long, something hidden; null when fine.</summary>
    public static string? ReasonProblem(string? reason, bool required, string whenMissing)
    {
        var words = reason?.Trim();
        if (string.IsNullOrEmpty(words)) return required ? whenMissing : null;
        if (words.Length > MaxReasonLength) return $"The reason must be {MaxReasonLength} characters or fewer (it is {words.Length}).";
        return PlainText.ParagraphsProblem("The reason", words);
    }

    private static LedgerEntry Make(LedgerEntryKind kind, DateOnly date, decimal amount, string postedBy, string narrative, string? reason)
    {
        ThrowFirst(Check(kind, null, null, kind == LedgerEntryKind.Anomaly ? null : amount, narrative, reason), postedBy);
        return Create(kind, date, amount, postedBy, narrative, reason);
    }

    private static void ThrowFirst(IReadOnlyList<(string Field, string Message)> problems, string postedBy)
    {
        if (string.IsNullOrWhiteSpace(postedBy))
        {
            throw new ArgumentException("Say who posted the entry.", nameof(postedBy));
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0].Message, problems[0].Field);
        }
    }

    private static LedgerEntry Create(LedgerEntryKind kind, DateOnly date, decimal amount, string postedBy, string narrative, string? reason) => new()
    {
        Kind = kind,
        Date = date,
        Amount = amount,
        PostedBy = postedBy.Trim(),
        Narrative = narrative.Trim(),
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}
