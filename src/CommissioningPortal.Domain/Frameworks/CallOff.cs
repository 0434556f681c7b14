using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Frameworks;

public enum CallOffMethod
{
    /// <summary>Awarded straight to one member of the lot, under a recorded rule, with the reason.</summary>
    DirectAward = 0,

    /// <summary>The anonymised package is sent to the lot's admitted members; they offer; the commissioner chooses with reasons.</summary>
    MiniCompetition = 1,
}

public enum CallOffStatus
{
    /// <summary>A mini-competition taking offers from the invited members.</summary>
    InvitingOffers = 0,

    /// <summary>A provider has been chosen (or directly awarded), with the reasons.</summary>
    Decided = 1,

    /// <summary>The ISF agreement for the package has been drafted through the agreement flow.</summary>
    AgreementDrafted = 2,

    /// <summary>Stopped, with a reason.</summary>
    Cancelled = 3,
}

/// <summary>The rules under which a package may be awarded directly to one member of a lot.</summary>
public enum DirectAwardRule
{
    /// <summary>The person (or their representative) chose this provider from the lot (SDS: the person's choice).</summary>
    PersonsChoice = 0,

    /// <summary>Only this member can meet the person's assessed needs (language, culture, specialist skill, place).</summary>
    OnlyMemberAbleToMeetNeeds = 1,

    /// <summary>The person already receives support from this provider and continuity matters to their outcomes.</summary>
    ContinuityOfCare = 2,

    /// <summary>Support is needed sooner than a mini-competition could run.</summary>
    Urgent = 3,
}

/// <summary>
/// A package called off from a framework lot (DESIGN.md glossary: call-off): by direct award under a
/// recorded rule with the reason, or by mini-competition among the lot's admitted members, who see only
/// the anonymised package, offer at or under their framework rate on the start date, and hear the choice.
/// It ends in a draft ISF agreement made by the agreement flow (<see cref="RecordAgreement"/>). The
/// person it is for is held only as a record id: no provider and no open data ever sees who.
/// </summary>
public sealed class CallOff : IVersioned
{
    public const int MaxSummaryLength = 2000;
    public const int MaxReasonLength = 2000;
    public const int MaxNoteLength = 1000;

    private readonly List<CallOffOffer> _offers = [];

    private CallOff()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }
    public Guid FrameworkId { get; private set; }
    public Guid LotId { get; private set; }

    /// <summary>1, 2, 3 … within the framework; "FW-REF/C3".</summary>
    public int Number { get; private set; }

    /// <summary>The supported person's record: internal only, never shown to providers or published.</summary>
    public Guid SupportedPersonId { get; private set; }

    /// <summary>The package as providers read it: needs, hours, area — no name, address or date of birth.</summary>
    public string PackageSummary { get; private set; } = "";

    public int? HoursPerWeek { get; private set; }
    public DateOnly StartOn { get; private set; }
    public CallOffMethod Method { get; private set; }
    public CallOffStatus Status { get; private set; }
    public DirectAwardRule? Rule { get; private set; }

    /// <summary>Last day members may offer (mini-competition).</summary>
    public DateOnly? OffersDueOn { get; private set; }

    /// <summary>The lot's admitted members when it was published (mini-competition) or the one awarded (direct award).</summary>
    public List<Guid> InvitedProviderIds { get; private set; } = [];

    public IReadOnlyList<CallOffOffer> Offers => _offers;

    public Guid? ChosenProviderId { get; private set; }
    public int? PricePence { get; private set; }
    public RateUnit? PriceUnit { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public Guid? AgreementId { get; private set; }
    public string? CancelReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public int Version { get; set; }

    public string PriceText => PricePence is { } p && PriceUnit is { } u ? ServiceRate.TextOf(p, u) : "Not set";

    public static string? SummaryProblem(string? summary) =>
        PlainText.Problem(summary, "The package summary", MaxSummaryLength, PlainText.Kind.Paragraphs, "Describe the package: the support needed, hours and area, without the person's name.");

    public static string? ReasonProblem(string? reason, string what) =>
        PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs, $"Give the reason for {what}.");

    internal static CallOff Create(Framework framework, Lot lot, int number, Guid personId, string summary, int? hoursPerWeek, DateOnly startOn,
        CallOffMethod method, DateOnly today, DateTimeOffset at, string by)
    {
        if (!framework.IsInForceOn(today)) throw new FrameworkRuleException("Packages can be called off only from a live framework in force today.");
        summary = (summary ?? "").Trim();
        if (SummaryProblem(summary) is { } s) throw new FrameworkRuleException(s, nameof(PackageSummary));
        if (hoursPerWeek is < 1 or > 168) throw new FrameworkRuleException("The hours a week must be a whole number from 1 to 168.", nameof(HoursPerWeek));
        if (startOn < today) throw new FrameworkRuleException($"The start date cannot be in the past: use {today:d MMMM yyyy} or later.", nameof(StartOn));
        if (framework.EndsOn is { } ends && startOn > ends) throw new FrameworkRuleException($"The start date must be on or before the framework's end, {ends:d MMMM yyyy}.", nameof(StartOn));
        return new CallOff
        {
            AuthorityId = framework.AuthorityId, FrameworkId = framework.Id, LotId = lot.Id, Number = number, SupportedPersonId = personId,
            PackageSummary = summary, HoursPerWeek = hoursPerWeek, StartOn = startOn, Method = method, CreatedAt = at, CreatedBy = by,
        };
    }

    internal void AwardDirectly(LotMember member, DirectAwardRule rule, string reason, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(rule)) throw new FrameworkRuleException("Choose the rule the direct award is made under.", nameof(Rule));
        if (ReasonProblem(reason, "awarding directly") is { } r) throw new FrameworkRuleException(r, nameof(DecisionReason));
        var rate = member.RateOn(StartOn) ?? throw new FrameworkRuleException($"This provider has no rate on the lot on {StartOn:d MMMM yyyy}: revise their price first.", nameof(ChosenProviderId));
        Rule = rule;
        InvitedProviderIds = [member.ProviderId];
        Decide(member.ProviderId, rate.AmountPence, rate.Unit, reason, at, by);
    }

    internal void Invite(IReadOnlyList<Guid> providerIds, DateOnly offersDueOn, DateOnly today)
    {
        if (providerIds.Count == 0) throw new FrameworkRuleException("The lot has no admitted providers to invite.", nameof(LotId));
        if (offersDueOn < today) throw new FrameworkRuleException($"The date offers are due cannot be in the past: use {today:d MMMM yyyy} or later.", nameof(OffersDueOn));
        if (offersDueOn > StartOn) throw new FrameworkRuleException("Offers must be due on or before the package starts.", nameof(OffersDueOn));
        InvitedProviderIds = providerIds.Distinct().ToList();
        OffersDueOn = offersDueOn;
        Status = CallOffStatus.InvitingOffers;
    }

    /// <summary>Whether <paramref name="providerId"/> was invited: only they may see the package or offer.</summary>
    public bool IsInvited(Guid providerId) => InvitedProviderIds.Contains(providerId);

    /// <summary>
    /// An invited member's offer (a second replaces the first) while offers are open, at no more than
    /// <paramref name="ceiling"/> — their framework rate on the start date — when it is in the same unit.
    /// </summary>
    public CallOffOffer Offer(Guid providerId, int pence, RateUnit unit, string? note, LotRate? ceiling, DateOnly today, DateTimeOffset at, string by)
    {
        if (!IsInvited(providerId)) throw new FrameworkRuleException("Your organisation was not invited to offer on this package.");
        if (Status != CallOffStatus.InvitingOffers) throw new FrameworkRuleException("This package is no longer taking offers.");
        if (OffersDueOn is { } due && today > due) throw new FrameworkRuleException($"Offers closed on {due:d MMMM yyyy}.");
        if (Framework.RateProblem(pence) is { } p) throw new FrameworkRuleException(p, nameof(CallOffOffer.PricePence));
        if (ceiling is { } c && c.Unit == unit && pence > c.AmountPence)
            throw new FrameworkRuleException($"The price cannot be more than your framework rate on {StartOn:d MMMM yyyy}, {c.Text}.", nameof(CallOffOffer.PricePence));
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is not null && PlainText.Problem(note, "The note", MaxNoteLength, PlainText.Kind.Paragraphs) is { } n) throw new FrameworkRuleException(n, nameof(CallOffOffer.Note));
        _offers.RemoveAll(o => o.ProviderId == providerId);
        var offer = new CallOffOffer(Id, providerId, pence, unit, note, at, by);
        _offers.Add(offer);
        return offer;
    }

    /// <summary>The commissioner chooses among the offers, with the reasons every bidder may read.</summary>
    public void Choose(Guid providerId, string reason, DateTimeOffset at, string by)
    {
        if (Status != CallOffStatus.InvitingOffers) throw new FrameworkRuleException("A choice can be made only while the package is taking offers.");
        var offer = _offers.FirstOrDefault(o => o.ProviderId == providerId) ?? throw new FrameworkRuleException("Choose one of the providers who offered.", nameof(ChosenProviderId));
        if (ReasonProblem(reason, "the choice") is { } r) throw new FrameworkRuleException(r, nameof(DecisionReason));
        Decide(providerId, offer.PricePence, offer.Unit, reason, at, by);
    }

    private void Decide(Guid providerId, int pence, RateUnit unit, string reason, DateTimeOffset at, string by)
    {
        ChosenProviderId = providerId;
        PricePence = pence;
        PriceUnit = unit;
        DecisionReason = reason.Trim();
        DecidedAt = at;
        DecidedBy = by;
        Status = CallOffStatus.Decided;
    }

    /// <summary>The draft ISF agreement the agreement flow made for the chosen provider.</summary>
    public void RecordAgreement(Guid agreementId)
    {
        if (Status != CallOffStatus.Decided) throw new FrameworkRuleException(Status == CallOffStatus.AgreementDrafted ? "The agreement for this package has already been drafted." : "Choose a provider before drafting the agreement.");
        AgreementId = agreementId;
        Status = CallOffStatus.AgreementDrafted;
    }

    public void Cancel(string reason, DateTimeOffset at, string by)
    {
        if (Status is CallOffStatus.AgreementDrafted or CallOffStatus.Cancelled) throw new FrameworkRuleException("This package can no longer be cancelled.");
        if (ReasonProblem(reason, "cancelling") is { } r) throw new FrameworkRuleException(r, nameof(CancelReason));
        CancelReason = reason.Trim();
        DecidedAt = at;
        DecidedBy = by;
        Status = CallOffStatus.Cancelled;
    }

    public static string MethodDisplayName(CallOffMethod method) => method switch
    {
        CallOffMethod.DirectAward => "Direct award",
        CallOffMethod.MiniCompetition => "Mini-competition",
        _ => method.ToString(),
    };

    public static string StatusDisplayName(CallOffStatus status) => status switch
    {
        CallOffStatus.InvitingOffers => "Taking offers",
        CallOffStatus.Decided => "Provider chosen",
        CallOffStatus.AgreementDrafted => "Agreement drafted",
        CallOffStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string RuleDisplayName(DirectAwardRule rule) => rule switch
    {
        DirectAwardRule.PersonsChoice => "The person chose this provider from the lot",
        DirectAwardRule.OnlyMemberAbleToMeetNeeds => "Only this provider on the lot can meet the person's needs",
        DirectAwardRule.ContinuityOfCare => "Continuity: the provider already supports the person",
        DirectAwardRule.Urgent => "Urgent: support is needed before a mini-competition could run",
        _ => rule.ToString(),
    };
}

/// <summary>An invited lot member's offer on a mini-competition: their price and an optional note.</summary>
public sealed class CallOffOffer
{
    private CallOffOffer()
    {
    }

    internal CallOffOffer(Guid callOffId, Guid providerId, int pricePence, RateUnit unit, string? note, DateTimeOffset at, string by)
    {
        CallOffId = callOffId;
        ProviderId = providerId;
        PricePence = pricePence;
        Unit = unit;
        Note = note;
        SubmittedAt = at;
        SubmittedBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallOffId { get; private set; }
    public Guid ProviderId { get; private set; }
    public int PricePence { get; private set; }
    public RateUnit Unit { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";

    public string PriceText => ServiceRate.TextOf(PricePence, Unit);
}
