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
/// <para>
/// What it says is set when it is made and afterwards only by <see cref="Amend"/>, which sends a
/// checked item back to be checked again when anything changed; its status only by
/// <see cref="Verify"/>, <see cref="Reject"/> and <see cref="Expire"/>.
/// </para>
/// </summary>
public sealed class PassportItem : IVersioned
{
    private string? _number;
    private string? _details;
    private string? _careServiceType;
    private string? _clientGroupScope;
    private DateOnly? _gradedOn;
    private int? _gradeWellbeing;
    private int? _gradeLeadership;
    private int? _gradeStaffTeam;
    private int? _gradeSetting;
    private int? _gradeCarePlanning;
    private DateOnly? _expiresOn;
    private string? _evidenceFileName;
    private string? _evidenceContentType;
    private long? _evidenceSize;
    private string? _evidenceLocation;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }
    public PassportItemKind Kind { get; set; }

    /// <summary>The registration, membership, policy or company number.</summary>
    public string? Number { get => _number; init => _number = value; }

    /// <summary>Anything else that identifies it: insurer, service type, client-group scope, grades.</summary>
    public string? Details { get => _details; init => _details = value; }

    /// <summary>For a Care Inspectorate registration: the service type it is registered as.</summary>
    public string? CareServiceType { get => _careServiceType; init => _careServiceType = value; }

    /// <summary>For a Care Inspectorate registration: the client groups the registration covers.</summary>
    public string? ClientGroupScope { get => _clientGroupScope; init => _clientGroupScope = value; }

    /// <summary>For a Care Inspectorate registration: the day of the inspection the grades come from.</summary>
    public DateOnly? GradedOn { get => _gradedOn; init => _gradedOn = value; }

    /// <summary>Key question 1, 2, 3, 4 and 5 grades (1–6), each null when that question was not graded.</summary>
    public int? GradeWellbeing { get => _gradeWellbeing; init => _gradeWellbeing = value; }
    public int? GradeLeadership { get => _gradeLeadership; init => _gradeLeadership = value; }
    public int? GradeStaffTeam { get => _gradeStaffTeam; init => _gradeStaffTeam = value; }
    public int? GradeSetting { get => _gradeSetting; init => _gradeSetting = value; }
    public int? GradeCarePlanning { get => _gradeCarePlanning; init => _gradeCarePlanning = value; }

    public PassportItemStatus Status { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>The first day the item no longer counts (it expires on this day).</summary>
    public DateOnly? ExpiresOn { get => _expiresOn; init => _expiresOn = value; }

    /// <summary>
    /// The day the 30-day expiry reminder was e-mailed, so it goes once. A later expiry date (a
    /// renewal) makes a reminder due again: see <see cref="IsReminderDueOn"/>.
    /// </summary>
    public DateOnly? ReminderSentOn { get; private set; }

    public string? EvidenceFileName { get => _evidenceFileName; init => _evidenceFileName = value; }
    public string? EvidenceContentType { get => _evidenceContentType; init => _evidenceContentType = value; }
    public long? EvidenceSize { get => _evidenceSize; init => _evidenceSize = value; }

    /// <summary>Where the evidence file is kept: a path under the evidence store, or a blob id.</summary>
    public string? EvidenceLocation { get => _evidenceLocation; init => _evidenceLocation = value; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The grade given for each key question of <see cref="CareInspectorateGrades.KeyQuestions"/>, in order (null: not graded).</summary>
    public IReadOnlyList<int?> Grades
    {
        get => [GradeWellbeing, GradeLeadership, GradeStaffTeam, GradeSetting, GradeCarePlanning];
        init => SetGrades(value);
    }

    private void SetGrades(IReadOnlyList<int?> value)
    {
        if (value.Count != CareInspectorateGrades.KeyQuestions.Count)
            throw new ArgumentException($"Give {CareInspectorateGrades.KeyQuestions.Count} grades, one per key question.", nameof(value));
        if (value.FirstOrDefault(g => g is { } n && !CareInspectorateGrades.IsGrade(n)) is { } bad)
            throw new ArgumentOutOfRangeException(nameof(value), bad, "A grade runs from 1 to 6.");
        (_gradeWellbeing, _gradeLeadership, _gradeStaffTeam, _gradeSetting, _gradeCarePlanning) = (value[0], value[1], value[2], value[3], value[4]);
    }

    /// <summary>
    /// The provider changes what the item says (number, details, expiry; for a Care Inspectorate
    /// registration its service type, scope, inspection date and grades) and, optionally, gives new
    /// evidence. Anything different from what was checked sends a verified or rejected item back to
    /// be checked again. Returns whether anything changed.
    /// </summary>
    public bool Amend(string? number, string? details, DateOnly? expiresOn, CareInspectorateRegistration? registration, StoredEvidence? evidence)
    {
        var changed = _number != number || _details != details || _expiresOn != expiresOn || evidence is not null
                      || (registration is { } r && (_careServiceType != r.ServiceType || _clientGroupScope != r.Scope || _gradedOn != r.GradedOn || !Grades.SequenceEqual(r.Grades)));
        if (!changed) return false;
        if (registration is { } registered)
        {
            SetGrades(registered.Grades); // first: a grade out of range changes nothing
            (_careServiceType, _clientGroupScope, _gradedOn) = (registered.ServiceType, registered.Scope, registered.GradedOn);
        }
        (_number, _details, _expiresOn) = (number, details, expiresOn);
        if (evidence is { } file)
        {
            (_evidenceLocation, _evidenceContentType, _evidenceSize, _evidenceFileName) = (file.Location, file.ContentType, file.Size, file.FileName);
        }
        if (Status != PassportItemStatus.Unverified)
        {
            // What was checked is no longer what is there: it needs checking again.
            Status = PassportItemStatus.Unverified;
            VerifiedBy = null;
            VerifiedAt = null;
            RejectionReason = null;
        }
        return true;
    }

    /// <summary>The 30-day reminder for the current expiry date went out on <paramref name="today"/>.</summary>
    public void RecordReminderSent(DateOnly today)
    {
        if (!IsReminderDueOn(today)) throw new InvalidOperationException("No reminder is due.");
        ReminderSentOn = today;
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

    /// <summary>Why the item cannot be verified on <paramref name="today"/>, or null when it can.</summary>
    public string? VerifyProblem(DateOnly today) =>
        ExpiresOn is { } expires && expires <= today
            ? $"This item expired on {expires:d MMMM yyyy}, so it cannot be verified: reject it and ask for renewed evidence"
            : null;

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

    /// <summary>Insurance policies always end: their expiry date is required.</summary>
    public static bool IsInsurance(PassportItemKind kind) => kind is PassportItemKind.PublicLiability or PassportItemKind.EmployersLiability;

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

/// <summary>What a Care Inspectorate registration says beyond its number: service type, client-group scope, inspection date and the grade per key question.</summary>
public sealed record CareInspectorateRegistration(string? ServiceType, string? Scope, DateOnly? GradedOn, IReadOnlyList<int?> Grades);

/// <summary>A stored evidence file: where it is kept, its real type, its size and the name it was given.</summary>
public sealed record StoredEvidence(string Location, string ContentType, long Size, string FileName);
