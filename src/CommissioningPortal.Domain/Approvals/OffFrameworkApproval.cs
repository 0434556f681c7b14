using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Domain.Approvals;

/// <summary>
/// A request to buy from a provider that is not on the authority's framework (its process instance
/// runs the off-framework-approval definition). It can be approved only when every check the
/// provider's kind requires is recorded as passed.
/// </summary>
public sealed class OffFrameworkApproval
{
    private readonly List<ApprovalCheck> _checks = [];

    private OffFrameworkApproval()
    {
    }

    public OffFrameworkApproval(Guid instanceId, Guid providerId, ProviderKind providerKind, DateTimeOffset at)
    {
        InstanceId = instanceId;
        ProviderId = providerId;
        ProviderKind = providerKind;
        RequestedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InstanceId { get; private set; }
    public Guid ProviderId { get; private set; }
    public ProviderKind ProviderKind { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }

    public IReadOnlyList<ApprovalCheck> Checks => _checks;

    /// <summary>The checks a kind of provider must pass before a purchase off the framework.</summary>
    public static IReadOnlyList<PassportItemKind> RequiredChecks(ProviderKind kind) => kind switch
    {
        ProviderKind.RegisteredOrganisation => [PassportItemKind.CareInspectorateRegistration, PassportItemKind.PublicLiability, PassportItemKind.EmployersLiability, PassportItemKind.CharityOrCompanyNumber],
        ProviderKind.MicroProvider => [PassportItemKind.Pvg, PassportItemKind.PublicLiability, PassportItemKind.CharityOrCompanyNumber],
        ProviderKind.PersonalAssistant => [PassportItemKind.Pvg, PassportItemKind.SelfEmployment, PassportItemKind.PublicLiability, PassportItemKind.Reference],
        _ => [PassportItemKind.PublicLiability],
    };

    /// <summary>Records a check's result; a later record of the same check replaces the earlier one.</summary>
    public void RecordCheck(PassportItemKind kind, bool passed, string? note, string by, DateTimeOffset at)
    {
        if (!passed && string.IsNullOrWhiteSpace(note)) throw new ArgumentException("Say why the check failed.", nameof(note));
        if (_checks.FirstOrDefault(c => c.Kind == kind) is { } existing) existing.Change(passed, note, by, at);
        else _checks.Add(new ApprovalCheck(Id, kind, passed, note, by, at));
    }

    /// <summary>Why it cannot be approved; null when every required check passed.</summary>
    public string? WhyNotApprovable()
    {
        var problems = new List<string>();
        foreach (var kind in RequiredChecks(ProviderKind))
        {
            var check = _checks.FirstOrDefault(c => c.Kind == kind);
            if (check is null) problems.Add($"{CheckName(kind)} has not been checked");
            else if (!check.Passed) problems.Add($"{CheckName(kind)} failed ({check.Note})");
        }
        return problems.Count == 0 ? null : $"Not every required check has passed: {string.Join("; ", problems)}.";
    }

    public static string CheckName(PassportItemKind kind) => kind switch
    {
        PassportItemKind.CareInspectorateRegistration => "Care Inspectorate registration",
        PassportItemKind.Pvg => "PVG scheme membership",
        PassportItemKind.PublicLiability => "Public liability insurance",
        PassportItemKind.EmployersLiability => "Employer's liability insurance",
        PassportItemKind.CharityOrCompanyNumber => "Charity or company number",
        PassportItemKind.SelfEmployment => "Self-employment",
        PassportItemKind.RealLivingWage => "Real Living Wage",
        _ => "A reference",
    };
}

/// <summary>One check of an off-framework approval, passed or failed, by whom and when.</summary>
public sealed class ApprovalCheck
{
    public const int MaxNoteLength = 1000;

    private ApprovalCheck()
    {
    }

    internal ApprovalCheck(Guid approvalId, PassportItemKind kind, bool passed, string? note, string by, DateTimeOffset at)
    {
        ApprovalId = approvalId;
        Kind = kind;
        Change(passed, note, by, at);
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApprovalId { get; private set; }
    public PassportItemKind Kind { get; private set; }
    public bool Passed { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Change(bool passed, string? note, string by, DateTimeOffset at)
    {
        Passed = passed;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = by;
        RecordedAt = at;
    }
}
