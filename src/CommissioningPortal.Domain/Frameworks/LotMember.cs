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
/// A provider admitted to a lot, with its rate for that lot, and its standing on it. Admitted by
/// <see cref="Framework.Admit"/>; its standing changes by <see cref="Framework.ChangeStanding"/>.
/// </summary>
public sealed class LotMember : IVersioned
{
    public const int MaxReasonLength = 1000;

    private LotMember()
    {
    }

    internal LotMember(Guid lotId, Guid providerId, DateOnly admittedOn, (int Pence, RateUnit Unit)? rate, DateTimeOffset at, string by)
    {
        LotId = lotId;
        ProviderId = providerId;
        AdmittedOn = admittedOn;
        Status = LotMemberStatus.Admitted;
        RatePence = rate?.Pence;
        RateUnit = rate?.Unit;
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

    /// <summary>The provider's rate on this lot, in pence per <see cref="RateUnit"/>; null if not agreed.</summary>
    public int? RatePence { get; private set; }

    public RateUnit? RateUnit { get; private set; }

    public int Version { get; set; }

    public string RateText => RatePence is { } pence && RateUnit is { } unit
        ? new ServiceRate { AmountPence = pence, Unit = unit }.Text
        : "Not set";

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
