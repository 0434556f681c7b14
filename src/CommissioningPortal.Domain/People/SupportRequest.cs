namespace CommissioningPortal.Domain.People;

/// <summary>Where a request for support stands.</summary>
public enum RequestStatus
{
    /// <summary>Posted; providers that match are told and may offer.</summary>
    Open = 0,

    /// <summary>The person chose a provider not on the framework; the authority's approval is under way.</summary>
    AwaitingApproval = 1,

    /// <summary>The person chose, and the choice stands (on the framework, or approved); the agreement follows.</summary>
    Chosen = 2,

    /// <summary>The off-framework choice was declined; the person may choose again.</summary>
    ChoiceDeclined = 3,
}

/// <summary>How an offer's price is counted: the research asks to move away from "units of time" only (003).</summary>
public enum OfferPriceUnit
{
    PerHour = 0,
    PerWeek = 1,
    PerOutcome = 2,
    Block = 3,
}

/// <summary>
/// A package request: what the person wants to achieve and the help they need, posted anonymised so
/// that providers see the outcomes, locality, start date and preferences but never who it is for
/// until the person chooses them. Posted by the practitioner or by the person (or representative).
/// </summary>
public sealed class SupportRequest
{
    public const int MaxOutcomesLength = 4000;
    public const int MaxPreferencesLength = 1000;

    private SupportRequest()
    {
    }

    private readonly List<SupportOffer> _offers = [];

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }
    public Guid SupportedPersonId { get; private set; }

    /// <summary>A reference that names nobody, e.g. GLE-REQ-0003.</summary>
    public string Reference { get; private set; } = "";

    public string Outcomes { get; private set; } = "";
    public string SupportType { get; private set; } = "";
    public string? ClientGroup { get; private set; }
    public Guid LocalityId { get; private set; }
    public decimal? HoursPerWeek { get; private set; }
    public decimal? WeeklyBudget { get; private set; }
    public DateOnly StartDate { get; private set; }

    /// <summary>Preferences such as the worker's gender or a language, in the person's words.</summary>
    public string? Preferences { get; private set; }

    /// <summary>A language the person would like their workers to speak (a code such as "gd"), when they said.</summary>
    public string? Language { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }
    public string PostedBy { get; private set; } = "";
    public RequestStatus Status { get; private set; }
    public Guid? ChosenOfferId { get; private set; }
    public DateTimeOffset? ChosenAt { get; private set; }
    public string? ChosenBy { get; private set; }

    /// <summary>The off-framework-approval process started by the choice, when there is one.</summary>
    public Guid? ApprovalInstanceId { get; private set; }

    public IReadOnlyList<SupportOffer> Offers => _offers;

    /// <summary>
    /// When the request had waited the authority's target time with no offer: its commissioners were told
    /// then, and it counts as unmet demand (kept after a later offer, as the record of the wait).
    /// </summary>
    public DateTimeOffset? UnmetAt { get; private set; }

    /// <summary>Whether, at <paramref name="now"/>, the request has waited <paramref name="targetDays"/> for a first offer in vain.</summary>
    public static bool WaitedTooLong(DateTimeOffset postedAt, int targetDays, DateTimeOffset now) => now >= postedAt.AddDays(targetDays);

    public IReadOnlyList<string> OutcomeList => Outcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The details a request is posted with.</summary>
    public sealed record Details(string? Outcomes, string? SupportType, string? ClientGroup, Guid? LocalityId, decimal? HoursPerWeek, decimal? WeeklyBudget,
        DateOnly? StartDate, string? Preferences, string? Language);

    /// <summary>What is wrong with a request as typed, by field; empty when it can be posted.</summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.Outcomes)) problems[nameof(Details.Outcomes)] = "Enter at least one outcome: what the person wants to achieve, in their words";
        else if (d.Outcomes.Length > MaxOutcomesLength) problems[nameof(Details.Outcomes)] = "The outcomes must be 4,000 characters or fewer";
        if (string.IsNullOrWhiteSpace(d.SupportType)) problems[nameof(Details.SupportType)] = "Choose the type of support";
        if (d.LocalityId is null) problems[nameof(Details.LocalityId)] = "Choose the locality";
        if (d.HoursPerWeek is null && d.WeeklyBudget is null) problems[nameof(Details.HoursPerWeek)] = "Enter the hours a week or the weekly budget (or both)";
        if (d.HoursPerWeek is { } h && (h <= 0 || h > 168)) problems[nameof(Details.HoursPerWeek)] = "The hours a week must be more than 0 and no more than 168";
        if (d.WeeklyBudget is { } w && (w <= 0 || w > 100000)) problems[nameof(Details.WeeklyBudget)] = "The weekly budget must be more than £0 and no more than £100,000";
        if (d.StartDate is null) problems[nameof(Details.StartDate)] = "Enter the date the support should start, like 2027-01-04";
        else if (d.StartDate < today) problems[nameof(Details.StartDate)] = "The start date cannot be in the past";
        if (d.Preferences is { Length: > MaxPreferencesLength }) problems[nameof(Details.Preferences)] = "Preferences must be 1,000 characters or fewer";
        return problems;
    }

    public static SupportRequest Post(SupportedPerson person, string reference, Details d, string by, DateTimeOffset at)
    {
        var problems = Problems(d, DateOnly.FromDateTime(at.UtcDateTime));
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values));
        return new SupportRequest
        {
            AuthorityId = person.AuthorityId, SupportedPersonId = person.Id, Reference = reference,
            Outcomes = string.Join('\n', d.Outcomes!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            SupportType = d.SupportType!.Trim(), ClientGroup = Blank(d.ClientGroup), LocalityId = d.LocalityId!.Value,
            HoursPerWeek = d.HoursPerWeek, WeeklyBudget = d.WeeklyBudget, StartDate = d.StartDate!.Value,
            Preferences = Blank(d.Preferences), Language = Blank(d.Language), PostedAt = at, PostedBy = by, Status = RequestStatus.Open,
        };
    }

    /// <summary>Whether providers may still offer.</summary>
    public bool OpenForOffers => Status is RequestStatus.Open or RequestStatus.ChoiceDeclined;

    /// <summary>A provider's offer; one per provider (a second replaces nothing: it is refused).</summary>
    public SupportOffer Offer(Guid providerId, SupportOffer.Details d, string by, DateTimeOffset at)
    {
        if (!OpenForOffers) throw new InvalidOperationException("This request is no longer open for offers.");
        if (_offers.Any(o => o.ProviderId == providerId)) throw new InvalidOperationException("You have already offered for this request.");
        var problems = SupportOffer.Problems(d, DateOnly.FromDateTime(at.UtcDateTime));
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values));
        var offer = new SupportOffer(Id, providerId, d, by, at);
        _offers.Add(offer);
        return offer;
    }

    /// <summary>
    /// The person chooses an offer. A provider on the authority's framework (or one it approved before)
    /// stands at once; any other starts the off-framework approval, whose instance is remembered.
    /// </summary>
    public void Choose(Guid offerId, bool needsApproval, Guid? approvalInstanceId, string by, DateTimeOffset at)
    {
        if (!OpenForOffers) throw new InvalidOperationException("A choice has already been made for this request.");
        if (_offers.All(o => o.Id != offerId)) throw new InvalidOperationException("That offer is not one of this request's.");
        if (needsApproval && approvalInstanceId is null) throw new ArgumentException("A choice off the framework needs its approval process.", nameof(approvalInstanceId));
        ChosenOfferId = offerId;
        ChosenAt = at;
        ChosenBy = by;
        ApprovalInstanceId = needsApproval ? approvalInstanceId : null;
        Status = needsApproval ? RequestStatus.AwaitingApproval : RequestStatus.Chosen;
    }

    /// <summary>The authority decided on an off-framework choice: approved, it stands; declined, the person may choose again.</summary>
    public void ApprovalDecided(bool approved)
    {
        if (Status != RequestStatus.AwaitingApproval) return;
        Status = approved ? RequestStatus.Chosen : RequestStatus.ChoiceDeclined;
        if (!approved) ChosenOfferId = null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
