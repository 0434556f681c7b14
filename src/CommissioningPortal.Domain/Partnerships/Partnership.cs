namespace CommissioningPortal.Domain.Partnerships;

public enum PartnershipKind
{
    PublicSocialPartnership = 0,
    Alliance = 1,
}

/// <summary>What a member brings to the partnership (DESIGN.md, "Who uses it").</summary>
public enum PartnerRole
{
    Authority = 0,
    Provider = 1,
    LivedExperience = 2,
    Other = 3,
}

/// <summary>
/// The shared workspace of a Public Social Partnership or an alliance. Its process instance runs the
/// kind's definition (public-social-partnership or alliance); everything the partners record hangs off it.
/// A PSP needs "clear objectives, strong and preferably mature relationships and the genuine voice of
/// those who will use the support" (research 002); an alliance "places 'best for the person' at the heart".
/// </summary>
public sealed class Partnership
{
    public const int MaxNameLength = 200;
    public const int MaxPurposeLength = 4000;

    private Partnership()
    {
    }

    public Partnership(PartnershipKind kind, Guid authorityId, string name, string purpose, Guid instanceId, Guid? opportunityId, string createdBy, DateTimeOffset at)
    {
        Kind = kind;
        AuthorityId = authorityId;
        Name = name.Trim();
        Purpose = purpose.Trim();
        InstanceId = instanceId;
        OpportunityId = opportunityId;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public PartnershipKind Kind { get; private set; }
    public Guid AuthorityId { get; private set; }
    public string Name { get; private set; } = "";
    public string Purpose { get; private set; } = "";

    /// <summary>The process instance (public-social-partnership or alliance definition).</summary>
    public Guid InstanceId { get; private set; }

    /// <summary>The PSP invitation or alliance expression of interest it was formed from, if any.</summary>
    public Guid? OpportunityId { get; private set; }

    /// <summary>The stage-3 procurement opportunity, once created with the pilot evidence.</summary>
    public Guid? ProcurementOpportunityId { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static string DefinitionOf(PartnershipKind kind) => kind == PartnershipKind.Alliance ? "alliance" : "public-social-partnership";

    public static string KindName(PartnershipKind kind) => kind == PartnershipKind.Alliance ? "Alliance" : "Public Social Partnership";

    public static string RoleName(PartnerRole role) => role switch
    {
        PartnerRole.Authority => "Authority",
        PartnerRole.Provider => "Provider",
        PartnerRole.LivedExperience => "Lived-experience member",
        _ => "Other partner",
    };

    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter the partnership's name" : name.Trim().Length > MaxNameLength ? "The name must be 200 characters or fewer" : null;

    public static string? PurposeProblem(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? "Say what the partnership is for: its clear objective" : purpose.Trim().Length > MaxPurposeLength ? "The purpose must be 4,000 characters or fewer" : null;

    public void ProcurementCreated(Guid opportunityId)
    {
        if (ProcurementOpportunityId is not null) throw new InvalidOperationException("The procurement opportunity is already created.");
        ProcurementOpportunityId = opportunityId;
    }
}

/// <summary>
/// A partner: invited by e-mail, a member once they accept (or at once when the address is a portal user's).
/// In an alliance every member sits on the Alliance Leadership Team (<see cref="AllianceMemberId"/>), with an equal say.
/// </summary>
public sealed class PartnershipMember
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    private PartnershipMember()
    {
    }

    public PartnershipMember(Guid partnershipId, string name, string email, PartnerRole role, string invitedBy, DateTimeOffset at)
    {
        PartnershipId = partnershipId;
        Name = name.Trim();
        Email = email.Trim().ToLowerInvariant();
        Role = role;
        InvitedBy = invitedBy;
        InvitedAt = at;
        InvitationToken = Guid.NewGuid().ToString("N");
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PartnershipId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public PartnerRole Role { get; private set; }
    public string? UserId { get; private set; }
    public string InvitationToken { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    public Guid? AllianceMemberId { get; private set; }

    public bool HasJoined => JoinedAt is not null;

    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter the member's name" : name.Trim().Length > MaxNameLength ? "The name must be 200 characters or fewer" : null;

    public static string? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Enter the member's e-mail address"
        : email.Trim().Length > MaxEmailLength || !System.Text.RegularExpressions.Regex.IsMatch(email.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$") ? "Enter an e-mail address like name@example.org"
        : null;

    public void Join(string userId, DateTimeOffset at)
    {
        if (UserId is not null && UserId != userId) throw new InvalidOperationException("This invitation was accepted by someone else.");
        UserId = userId;
        JoinedAt ??= at;
    }

    public void SitsOn(AllianceMember member) => AllianceMemberId = member.Id;
}

/// <summary>Something the partnership records, with who recorded it and when.</summary>
public abstract class PartnershipRecordItem
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PartnershipId { get; protected set; }
    public string RecordedBy { get; protected set; } = "";
    public DateTimeOffset RecordedAt { get; protected set; }

    protected void Recorded(Guid partnershipId, string by, DateTimeOffset at)
    {
        PartnershipId = partnershipId;
        RecordedBy = by;
        RecordedAt = at;
    }

    public static string? TextProblem(string? text, string what, int max) =>
        string.IsNullOrWhiteSpace(text) ? $"Enter {what}" : text.Trim().Length > max ? $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer" : null;
}

/// <summary>An objective and the shared outcome it aims at, with how it is measured.</summary>
public sealed class PartnershipObjective : PartnershipRecordItem
{
    private PartnershipObjective()
    {
    }

    public PartnershipObjective(Guid partnershipId, string objective, string outcome, string measure, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Objective = objective.Trim();
        Outcome = outcome.Trim();
        Measure = measure.Trim();
    }

    public string Objective { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public string Measure { get; private set; } = "";
}

/// <summary>A meeting: its agenda first, its minutes when written (who wrote them and when).</summary>
public sealed class PartnershipMeeting : PartnershipRecordItem
{
    private PartnershipMeeting()
    {
    }

    public PartnershipMeeting(Guid partnershipId, string title, DateOnly heldOn, string agenda, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Title = title.Trim();
        HeldOn = heldOn;
        Agenda = agenda.Trim();
    }

    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string Agenda { get; private set; } = "";
    public string? Minutes { get; private set; }
    public string? MinutesBy { get; private set; }
    public DateTimeOffset? MinutesAt { get; private set; }

    public void RecordMinutes(string minutes, string by, DateTimeOffset at)
    {
        Minutes = minutes.Trim();
        MinutesBy = by;
        MinutesAt = at;
    }
}

/// <summary>A shared document; each upload is a new version, none is overwritten.</summary>
public sealed class PartnershipDocument : PartnershipRecordItem
{
    private readonly List<PartnershipDocumentVersion> _versions = [];

    private PartnershipDocument()
    {
    }

    public PartnershipDocument(Guid partnershipId, string title, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Title = title.Trim();
    }

    public string Title { get; private set; } = "";
    public IReadOnlyList<PartnershipDocumentVersion> Versions => _versions;

    public PartnershipDocumentVersion AddVersion(string fileName, string contentType, long length, string location, string by, DateTimeOffset at)
    {
        var version = new PartnershipDocumentVersion(Id, _versions.Count + 1, fileName, contentType, length, location, by, at);
        _versions.Add(version);
        return version;
    }
}

public sealed class PartnershipDocumentVersion
{
    private PartnershipDocumentVersion()
    {
    }

    internal PartnershipDocumentVersion(Guid documentId, int number, string fileName, string contentType, long length, string location, string by, DateTimeOffset at)
    {
        DocumentId = documentId;
        Number = number;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        Location = location;
        UploadedBy = by;
        UploadedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid DocumentId { get; private set; }
    public int Number { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Location { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}

public enum RiskKind
{
    Risk = 0,
    Issue = 1,
}

/// <summary>An entry in the risk and issue register: who owns it and when it is next reviewed.</summary>
public sealed class PartnershipRisk : PartnershipRecordItem
{
    private PartnershipRisk()
    {
    }

    public PartnershipRisk(Guid partnershipId, RiskKind kind, string description, string owner, DateOnly reviewOn, string? response, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Kind = kind;
        Description = description.Trim();
        Owner = owner.Trim();
        ReviewOn = reviewOn;
        Response = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
    }

    public RiskKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly ReviewOn { get; private set; }
    public string? Response { get; private set; }
}

/// <summary>A pilot outcome measure (PSP stage 2) and its values over time.</summary>
public sealed class PilotMeasure : PartnershipRecordItem
{
    private readonly List<PilotMeasureValue> _values = [];

    private PilotMeasure()
    {
    }

    public PilotMeasure(Guid partnershipId, string name, string unit, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Name = name.Trim();
        Unit = unit.Trim();
    }

    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public IReadOnlyList<PilotMeasureValue> Values => _values;

    /// <summary>Records the value for a period; a second value for the same period replaces the first (its author and time too).</summary>
    public void Record(DateOnly period, decimal value, string by, DateTimeOffset at)
    {
        if (_values.FirstOrDefault(v => v.Period == period) is { } existing) existing.Change(value, by, at);
        else _values.Add(new PilotMeasureValue(Id, period, value, by, at));
    }

    public IEnumerable<PilotMeasureValue> InOrder => _values.OrderBy(v => v.Period);
}

public sealed class PilotMeasureValue
{
    private PilotMeasureValue()
    {
    }

    internal PilotMeasureValue(Guid measureId, DateOnly period, decimal value, string by, DateTimeOffset at)
    {
        MeasureId = measureId;
        Period = period;
        Value = value;
        RecordedBy = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MeasureId { get; private set; }
    public DateOnly Period { get; private set; }
    public decimal Value { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Change(decimal value, string by, DateTimeOffset at)
    {
        Value = value;
        RecordedBy = by;
        RecordedAt = at;
    }
}

/// <summary>What a unit of the pilot's support costs (per person per week, per outcome …): not only hours (research 003).</summary>
public sealed class PilotUnitCost : PartnershipRecordItem
{
    private PilotUnitCost()
    {
    }

    public PilotUnitCost(Guid partnershipId, string description, long amountPence, string per, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        Description = description.Trim();
        AmountPence = amountPence;
        Per = per.Trim();
    }

    public string Description { get; private set; } = "";
    public long AmountPence { get; private set; }
    public string Per { get; private set; } = "";
}

/// <summary>Feedback from people using the pilot, in their words.</summary>
public sealed class PilotFeedback : PartnershipRecordItem
{
    private PilotFeedback()
    {
    }

    public PilotFeedback(Guid partnershipId, string from, string text, string by, DateTimeOffset at)
    {
        Recorded(partnershipId, by, at);
        From = from.Trim();
        Text = text.Trim();
    }

    public string From { get; private set; } = "";
    public string Text { get; private set; } = "";
}

/// <summary>
/// An alliance's shared budget for a year, with its pain/gain share rule: how an underspend (gain) or an
/// overspend (pain) against the budget is shared among the members, in whole percentages adding up to 100.
/// </summary>
public sealed class AllianceBudget : PartnershipRecordItem
{
    private readonly List<AllianceShare> _shares = [];

    private AllianceBudget()
    {
    }

    public AllianceBudget(Guid partnershipId, string year, long budgetPence, string rule, IEnumerable<(string Member, int Percent)> shares, string by, DateTimeOffset at)
    {
        var list = shares.ToList();
        if (SharesProblem(list.Select(s => s.Percent)) is { } problem) throw new ArgumentException(problem, nameof(shares));
        Recorded(partnershipId, by, at);
        Year = year.Trim();
        BudgetPence = budgetPence;
        Rule = rule.Trim();
        foreach (var (member, percent) in list) _shares.Add(new AllianceShare(Id, member, percent));
    }

    public string Year { get; private set; } = "";
    public long BudgetPence { get; private set; }
    public string Rule { get; private set; } = "";
    public long? OutturnPence { get; private set; }
    public string? OutturnBy { get; private set; }
    public DateTimeOffset? OutturnAt { get; private set; }
    public IReadOnlyList<AllianceShare> Shares => _shares;

    /// <summary>Why these percentages cannot be the rule; null when each is 0–100 and together they make 100.</summary>
    public static string? SharesProblem(IEnumerable<int> percents)
    {
        var list = percents.ToList();
        if (list.Count == 0) return "Give each member's share";
        if (list.Any(p => p is < 0 or > 100)) return "Each share must be a whole percentage from 0 to 100";
        return list.Sum() == 100 ? null : $"The shares must add up to 100%: they add up to {list.Sum()}%";
    }

    public void RecordOutturn(long pence, string by, DateTimeOffset at)
    {
        OutturnPence = pence;
        OutturnBy = by;
        OutturnAt = at;
    }

    /// <summary>The budget less what was spent: positive is a gain (underspend), negative a pain (overspend); null before the outturn.</summary>
    public long? VariancePence => OutturnPence is { } spent ? BudgetPence - spent : null;

    /// <summary>Each member's part of the gain or pain, by the rule's shares; the pennies left by rounding go to the first member.</summary>
    public IReadOnlyList<(string Member, int Percent, long Pence)> Split()
    {
        if (VariancePence is not { } variance) return [];
        var parts = _shares.Select(s => (s.Member, s.Percent, Pence: variance * s.Percent / 100)).ToList();
        if (parts.Count > 0) parts[0] = parts[0] with { Pence = parts[0].Pence + (variance - parts.Sum(p => p.Pence)) };
        return parts;
    }
}

public sealed class AllianceShare
{
    private AllianceShare()
    {
    }

    internal AllianceShare(Guid budgetId, string member, int percent)
    {
        BudgetId = budgetId;
        Member = member;
        Percent = percent;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid BudgetId { get; private set; }
    public string Member { get; private set; } = "";
    public int Percent { get; private set; }
}
