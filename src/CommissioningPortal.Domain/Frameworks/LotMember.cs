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

/// <summary>A provider admitted to a lot, with its rate for that lot, and its standing on it.</summary>
public sealed class LotMember : IVersioned
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LotId { get; set; }
    public Guid ProviderId { get; set; }
    public DateOnly AdmittedOn { get; set; }
    public LotMemberStatus Status { get; set; }

    /// <summary>Why it was last suspended, withdrawn or reinstated.</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }
    public string? StatusChangedBy { get; set; }

    /// <summary>The provider's rate on this lot, in pence per <see cref="RateUnit"/>; null if not agreed.</summary>
    public int? RatePence { get; set; }

    public RateUnit? RateUnit { get; set; }

    public int Version { get; set; }

    public string RateText => RatePence is { } pence && RateUnit is { } unit
        ? new ServiceRate { AmountPence = pence, Unit = unit }.Text
        : "Not set";

    public void Suspend(string reason, DateTimeOffset at, string by)
    {
        if (Status != LotMemberStatus.Admitted) throw new FrameworkRuleException(Status == LotMemberStatus.Suspended ? "This provider is already suspended on this lot." : "This provider has been withdrawn from this lot.");
        Change(LotMemberStatus.Suspended, reason, at, by);
    }

    public void Withdraw(string reason, DateTimeOffset at, string by)
    {
        if (Status == LotMemberStatus.Withdrawn) throw new FrameworkRuleException("This provider has already been withdrawn from this lot.");
        Change(LotMemberStatus.Withdrawn, reason, at, by);
    }

    public void Reinstate(string reason, DateTimeOffset at, string by)
    {
        if (Status != LotMemberStatus.Suspended) throw new FrameworkRuleException(Status == LotMemberStatus.Admitted ? "This provider is not suspended." : "A withdrawn provider cannot be reinstated; a later round of the framework can admit them again.");
        Change(LotMemberStatus.Admitted, reason, at, by);
    }

    private void Change(LotMemberStatus status, string reason, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new FrameworkRuleException("Give a reason.");
        if (reason.Trim().Length > MaxReasonLength) throw new FrameworkRuleException($"The reason must be {MaxReasonLength:#,0} characters or fewer.");
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
