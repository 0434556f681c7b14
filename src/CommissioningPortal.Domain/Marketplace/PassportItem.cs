using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Marketplace;

/// <summary>What a passport item proves. A provider proves each once and every authority sees it.</summary>
public enum PassportItemKind
{
    /// <summary>Care Inspectorate registration (number, service type, client-group scope, grades).</summary>
    CareInspectorateRegistration = 0,

    /// <summary>Protecting Vulnerable Groups scheme membership.</summary>
    Pvg = 1,

    PublicLiability = 2,
    EmployersLiability = 3,

    /// <summary>OSCR (charity) or Companies House number.</summary>
    CharityOrCompanyNumber = 4,

    /// <summary>Proof of self-employment (e.g. HMRC registration).</summary>
    SelfEmployment = 5,

    /// <summary>Real Living Wage commitment or accreditation.</summary>
    RealLivingWage = 6,

    Reference = 7,
}

public enum PassportItemStatus
{
    Unverified = 0,
    Verified = 1,
    Rejected = 2,
    Expired = 3,
}

/// <summary>
/// One item of a provider's passport: a registration, a check, an insurance policy. It carries
/// its evidence (a stored file), a status and, for things that lapse, an expiry date.
/// </summary>
public sealed class PassportItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }
    public PassportItemKind Kind { get; set; }

    /// <summary>The registration, membership, policy or company number.</summary>
    public string? Number { get; set; }

    /// <summary>Anything else that identifies it: insurer, service type, client-group scope, grades.</summary>
    public string? Details { get; set; }

    /// <summary>For a Care Inspectorate registration: the service type it is registered as.</summary>
    public string? CareServiceType { get; set; }

    /// <summary>For a Care Inspectorate registration: the client groups the registration covers.</summary>
    public string? ClientGroupScope { get; set; }

    /// <summary>For a Care Inspectorate registration: the day of the inspection the grades come from.</summary>
    public DateOnly? GradedOn { get; set; }

    /// <summary>Key question 1, 2, 3, 4 and 5 grades (1–6), each null when that question was not graded.</summary>
    public int? GradeWellbeing { get; set; }
    public int? GradeLeadership { get; set; }
    public int? GradeStaffTeam { get; set; }
    public int? GradeSetting { get; set; }
    public int? GradeCarePlanning { get; set; }

    public PassportItemStatus Status { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>The first day the item no longer counts (it expires on this day).</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>
    /// The day the 30-day expiry reminder was e-mailed, so it goes once. A later expiry date (a
    /// renewal) makes a reminder due again: see <see cref="IsReminderDueOn"/>.
    /// </summary>
    public DateOnly? ReminderSentOn { get; set; }

    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public long? EvidenceSize { get; set; }

    /// <summary>Where the evidence file is kept: a path under the evidence store, or a blob id.</summary>
    public string? EvidenceLocation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The grade given for each key question of <see cref="CareInspectorateGrades.KeyQuestions"/>, in order (null: not graded).</summary>
    public IReadOnlyList<int?> Grades
    {
        get => [GradeWellbeing, GradeLeadership, GradeStaffTeam, GradeSetting, GradeCarePlanning];
        set
        {
            if (value.Count != CareInspectorateGrades.KeyQuestions.Count)
                throw new ArgumentException($"Give {CareInspectorateGrades.KeyQuestions.Count} grades, one per key question.", nameof(value));
            if (value.FirstOrDefault(g => g is { } n && !CareInspectorateGrades.IsGrade(n)) is { } bad)
                throw new ArgumentOutOfRangeException(nameof(value), bad, "A grade runs from 1 to 6.");
            (GradeWellbeing, GradeLeadership, GradeStaffTeam, GradeSetting, GradeCarePlanning) = (value[0], value[1], value[2], value[3], value[4]);
        }
    }

    /// <summary>The key questions that have a grade, with it.</summary>
    public IEnumerable<(KeyQuestion Question, int Grade)> GradedQuestions =>
        CareInspectorateGrades.KeyQuestions.Zip(Grades).Where(x => x.Second is not null).Select(x => (x.First, x.Second!.Value));

    /// <summary>Verified and not yet at its expiry date on <paramref name="today"/>.</summary>
    public bool IsValidOn(DateOnly today) =>
        Status == PassportItemStatus.Verified && (ExpiresOn is null || today < ExpiresOn.Value);

    /// <summary>How many days before it expires the provider is reminded to renew an item.</summary>
    public const int ReminderDays = 30;

    /// <summary>Whether the 30-day reminder should go out on <paramref name="today"/>: the item counts or waits
    /// to be checked, is within 30 days of expiring (or a missed run left it later), and no reminder went
    /// out for this expiry date.</summary>
    public bool IsReminderDueOn(DateOnly today) =>
        Status is PassportItemStatus.Verified or PassportItemStatus.Unverified &&
        ExpiresOn is { } expires && today >= expires.AddDays(-ReminderDays) && today < expires &&
        (ReminderSentOn is null || ReminderSentOn.Value < expires.AddDays(-ReminderDays));

    /// <summary>Whether the item lapses on <paramref name="today"/>: it is on or past its expiry date and not already
    /// rejected or expired (a rejected item keeps its reason).</summary>
    public bool IsDueToExpireOn(DateOnly today) =>
        Status is PassportItemStatus.Verified or PassportItemStatus.Unverified && ExpiresOn is { } expires && today >= expires;

    /// <summary>Marks the item expired on its expiry date. The provider's verification must be refreshed.</summary>
    public void Expire(DateOnly today)
    {
        if (!IsDueToExpireOn(today)) throw new InvalidOperationException("The item is not due to expire.");
        Status = PassportItemStatus.Expired;
    }

    public void Verify(string by, DateTimeOffset at)
    {
        Status = PassportItemStatus.Verified;
        VerifiedBy = by;
        VerifiedAt = at;
        RejectionReason = null;
    }

    public void Reject(string by, DateTimeOffset at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Give the reason the item was rejected.", nameof(reason));
        Status = PassportItemStatus.Rejected;
        VerifiedBy = by;
        VerifiedAt = at;
        RejectionReason = reason.Trim();
    }

    public static string KindDisplayName(PassportItemKind kind) => kind switch
    {
        PassportItemKind.CareInspectorateRegistration => "Care Inspectorate registration",
        PassportItemKind.Pvg => "PVG scheme membership",
        PassportItemKind.PublicLiability => "Public liability insurance",
        PassportItemKind.EmployersLiability => "Employer's liability insurance",
        PassportItemKind.CharityOrCompanyNumber => "Charity (OSCR) or Companies House number",
        PassportItemKind.SelfEmployment => "Proof of self-employment",
        PassportItemKind.RealLivingWage => "Real Living Wage commitment",
        PassportItemKind.Reference => "Reference",
        _ => kind.ToString(),
    };
}
