using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Frameworks;

public enum LotMemberStatus
{
    /// <summary>On the lot: counts as on the framework while the framework is in force.</summary>
    Admitted = 0,

    /// <summary>Taken off for now (e.g. while a concern is looked into); can be reinstated.</summary>
    Suspended = 1,

    /// <summary>Off the lot for good. A later round of a flexible framework may admit them again.</summary>
    Withdrawn = 2,
}

/// <summary>
/// A provider admitted to a lot, with its dated rates for that lot, and its standing on it. Admitted by
/// <see cref="Framework.Admit"/>; its standing changes by <see cref="Framework.ChangeStanding"/>; a
/// revised price is added by <see cref="Framework.RevisePrice"/> and takes effect from its date
/// (<see cref="RateOn"/>: the latest rate whose date is on or before the day).
/// </summary>
public sealed class LotMember : IVersioned
{
    public const int MaxReasonLength = 1000;

    private readonly List<LotRate> _rates = [];

    private LotMember()
    {
    }

    internal LotMember(Guid lotId, Guid providerId, DateOnly admittedOn, (int Pence, RateUnit Unit)? rate, Guid? roundId, DateTimeOffset at, string by)
    {
        LotId = lotId;
        ProviderId = providerId;
        AdmittedOn = admittedOn;
        AdmittedInRoundId = roundId;
        Status = LotMemberStatus.Admitted;
        if (rate is { } r) _rates.Add(new LotRate(Id, r.Pence, r.Unit, admittedOn, roundId, at, by));
        StatusChangedAt = at;
        StatusChangedBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LotId { get; private set; }
    public Guid ProviderId { get; private set; }
    public DateOnly AdmittedOn { get; private set; }
    public LotMemberStatus Status { get; private set; }

    /// <summary>Why it was last suspended, withdrawn or reinstated.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }
    public string? StatusChangedBy { get; private set; }

    /// <summary>The framework round that admitted them (null: admitted before rounds were recorded, or outside one).</summary>
    public Guid? AdmittedInRoundId { get; private set; }

    /// <summary>Every rate the provider has had on this lot, each from its date.</summary>
    public IReadOnlyList<LotRate> Rates => _rates;

    public int Version { get; set; }

    /// <summary>The rate in force on <paramref name="day"/>: the latest whose date is on or before it (the later recorded on a tie); null before the first.</summary>
    public LotRate? RateOn(DateOnly day) => _rates.Where(r => r.EffectiveFrom <= day)
        .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.RecordedAt).FirstOrDefault();

    /// <summary>The rate on <paramref name="day"/> as people read it ("£23.50 per hour"), or "Not set".</summary>
    public string RateTextOn(DateOnly day) => RateOn(day)?.Text ?? "Not set";

    /// <summary>The rates that start after <paramref name="day"/>, soonest first.</summary>
    public IEnumerable<LotRate> RatesAfter(DateOnly day) => _rates.Where(r => r.EffectiveFrom > day).OrderBy(r => r.EffectiveFrom);

    internal LotRate AddRate(int pence, RateUnit unit, DateOnly from, Guid? roundId, DateTimeOffset at, string by)
    {
        var rate = new LotRate(Id, pence, unit, from, roundId, at, by);
        _rates.Add(rate);
        return rate;
    }

    /// <summary>Why <paramref name="reason"/> cannot explain a change of standing, or null.</summary>
    public static string? ReasonProblem(string? reason, string verb) =>
        PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs, $"Give the reason to {verb} them.");

    internal void Suspend(string reason, DateTimeOffset at, string by)
    {
        if (Status != LotMemberStatus.Admitted) throw new FrameworkRuleException(Status == LotMemberStatus.Suspended ? "This provider is already suspended on this lot." : "This provider has been withdrawn from this lot.");
        Change(LotMemberStatus.Suspended, "suspend", reason, at, by);
    }

    internal void Withdraw(string reason, DateTimeOffset at, string by)
    {
        if (Status == LotMemberStatus.Withdrawn) throw new FrameworkRuleException("This provider has already been withdrawn from this lot.");
        Change(LotMemberStatus.Withdrawn, "withdraw", reason, at, by);
    }

    internal void Reinstate(string reason, DateTimeOffset at, string by)
    {
        if (Status != LotMemberStatus.Suspended) throw new FrameworkRuleException(Status == LotMemberStatus.Admitted ? "This provider is not suspended." : "A withdrawn provider cannot be reinstated; a later round of the framework can admit them again.");
        Change(LotMemberStatus.Admitted, "reinstate", reason, at, by);
    }

    private void Change(LotMemberStatus status, string verb, string reason, DateTimeOffset at, string by)
    {
        if (ReasonProblem(reason, verb) is { } problem) throw new FrameworkRuleException(problem, nameof(StatusReason));
        Status = status;
        StatusReason = reason.Trim();
        StatusChangedAt = at;
        StatusChangedBy = by;
    }

    public static string StatusDisplayName(LotMemberStatus status) => status switch
    {
        LotMemberStatus.Admitted => "Admitted",
        LotMemberStatus.Suspended => "Suspended",
        LotMemberStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
