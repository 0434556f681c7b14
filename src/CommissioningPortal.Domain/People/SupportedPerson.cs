using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.People;

/// <summary>How an indicative budget was worked out.</summary>
public enum BudgetSetting
{
    /// <summary>The authority's resource allocation system (points or needs-led scoring).</summary>
    ResourceAllocationSystem = 0,

    /// <summary>Equivalency: what the support would cost the authority to arrange.</summary>
    Equivalency = 1,

    /// <summary>Some other way, described in words.</summary>
    Other = 2,
}

/// <summary>The four Self-directed Support options (Social Care (Self-directed Support) (Scotland) Act 2013).</summary>
public enum SdsOption
{
    /// <summary>Option 1: a direct payment the person manages.</summary>
    DirectPayment = 1,

    /// <summary>Option 2: the person chooses, the money goes to a provider or third party of their choice (an ISF).</summary>
    IndividualServiceFund = 2,

    /// <summary>Option 3: the authority arranges the support, with the person saying who and how.</summary>
    AuthorityArranged = 3,

    /// <summary>Option 4: a mix, recorded per support type.</summary>
    Mix = 4,
}

/// <summary>The option chosen for one type of support, so a mix (Option 4) is recorded, not lost.</summary>
public sealed record SupportChoice(string SupportType, SdsOption Option);

/// <summary>
/// A person who receives Self-directed Support from an authority. Made by a practitioner after
/// assessment: outcomes in the person's own words, needs, locality, the indicative budget and when
/// and how the person was told it (SDS Framework of Standards 9.7), the option per support type,
/// who holds the budget, their representative and the allocated practitioner. Their portal accounts
/// (their own, and a representative's) are linked so they can choose, sign and see who read the record.
/// </summary>
public sealed class SupportedPerson : IVersioned
{
    public const int MaxOutcomesLength = 4000;
    public const int MaxNeedsLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AuthorityId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }

    /// <summary>The person's portal account, when they have one.</summary>
    public string? UserId { get; set; }

    public string? RepresentativeName { get; set; }

    /// <summary>E.g. "mother", "guardian", "power of attorney".</summary>
    public string? RepresentativeRelationship { get; set; }

    public string? RepresentativeUserId { get; set; }

    /// <summary>The linked representative has the power to sign for the person (guardian, attorney, or the person's say-so).</summary>
    public bool RepresentativeMaySign { get; set; }

    /// <summary>The linked representative may post requests and choose offers for the person.</summary>
    public bool RepresentativeMayChoose { get; set; } = true;

    /// <summary>Who linked the representative's account (the person themself, or a practitioner, recorded) and when.</summary>
    public string? RepresentativeLinkedBy { get; set; }

    public DateTimeOffset? RepresentativeLinkedAt { get; set; }

    /// <summary>Invitations sent to join the portal, while the person or representative has no account.</summary>
    public string? PersonInvitedEmail { get; set; }

    public string? RepresentativeInvitedEmail { get; set; }

    /// <summary>What matters to the person, one outcome per line, in their words.</summary>
    public string Outcomes { get; set; } = "";

    /// <summary>The support the person needs, as assessed, in plain words.</summary>
    public string? SupportNeeds { get; set; }

    /// <summary>The authority's locality the person lives in.</summary>
    public Guid? LocalityId { get; set; }

    /// <summary>The indicative budget, per week; null until the practitioner records it.</summary>
    public decimal? WeeklyBudget { get; private set; }

    public BudgetSetting? BudgetSetBy { get; private set; }

    /// <summary>How the budget was set, in words (needed for "other").</summary>
    public string? BudgetSetDetail { get; private set; }

    /// <summary>When the person was told their indicative budget (Standard 9.7), and how.</summary>
    public DateOnly? BudgetToldOn { get; private set; }

    public string? BudgetToldHow { get; private set; }

    /// <summary>When the four options were discussed with the person; null when they have not been.</summary>
    public DateOnly? OptionsDiscussedOn { get; set; }

    /// <summary>The option chosen per support type, one "support-type=option number" a line (see <see cref="Choices"/>).</summary>
    public string OptionsBySupportType { get; set; } = "";

    public BudgetHolderKind? BudgetHolderKind { get; set; }

    /// <summary>The budget holder's name (for a third-party ISF holder, the organisation).</summary>
    public string? BudgetHolderName { get; set; }

    /// <summary>The practitioner allocated to the person (they may read the record; other practitioners may not).</summary>
    public string? AllocatedPractitionerUserId { get; set; }

    public string? AllocatedPractitionerName { get; set; }

    /// <summary>When the person was last handed to another practitioner, by whom and why; null when never.</summary>
    public DateTimeOffset? PractitionerChangedAt { get; private set; }

    public string? PractitionerChangedBy { get; private set; }

    public string? PractitionerChangeReason { get; private set; }

    public const int MaxHandOverReasonLength = 1000;

    /// <summary>Why the person cannot be handed to <paramref name="toUserId"/> for <paramref name="reason"/>, by field; empty when they can.</summary>
    public Dictionary<string, string> HandOverProblems(string? toUserId, string? reason)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(toUserId)) problems["PractitionerUserId"] = "Choose the practitioner to hand the person to";
        else if (toUserId == AllocatedPractitionerUserId) problems["PractitionerUserId"] = "Choose another practitioner: this one is already allocated";
        if (PlainText.Problem(reason, "The reason", MaxHandOverReasonLength, PlainText.Kind.Paragraphs, "Say why the person is being handed over, for the person and the new practitioner to read") is { } problem)
            problems["Reason"] = problem;
        return problems;
    }

    /// <summary>
    /// Allocates the person to another practitioner of the same authority (the caller checks that), who from now
    /// on reads the record in the old one's place; who did it, when and why are kept and shown to the person.
    /// </summary>
    public void HandOver(string toUserId, string toName, string reason, string by, DateTimeOffset at)
    {
        var problems = HandOverProblems(toUserId, reason);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values));
        AllocatedPractitionerUserId = toUserId;
        AllocatedPractitionerName = toName;
        PractitionerChangeReason = reason.Trim();
        PractitionerChangedBy = by;
        PractitionerChangedAt = at;
    }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> OutcomeList => Outcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The yearly amount of the indicative budget (52 weeks).</summary>
    public decimal? AnnualBudget => WeeklyBudget * 52;

    public bool BudgetTold => WeeklyBudget is not null && BudgetToldOn is not null;

    public IReadOnlyList<SupportChoice> Choices => ParseChoices(OptionsBySupportType);

    /// <summary>The option the person has overall: the one option they chose, or Option 4 when support types differ.</summary>
    public SdsOption? OverallOption
    {
        get
        {
            var options = Choices.Select(c => c.Option).Distinct().ToList();
            return options.Count switch { 0 => null, 1 => options[0], _ => SdsOption.Mix };
        }
    }

    /// <summary>What is wrong with a budget as typed, by field name; empty when it can be recorded.</summary>
    public static Dictionary<string, string> BudgetProblems(decimal? weekly, BudgetSetting? setBy, string? detail, DateOnly? toldOn, string? toldHow, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        if (weekly is null) problems["WeeklyBudget"] = "Enter the indicative weekly budget in pounds, like 312.50";
        else if (weekly <= 0 || weekly > 100000) problems["WeeklyBudget"] = "The indicative weekly budget must be more than £0 and no more than £100,000";
        if (setBy is null || !Enum.IsDefined(setBy.Value)) problems["BudgetSetBy"] = "Say how the budget was set";
        else if (setBy == BudgetSetting.Other && string.IsNullOrWhiteSpace(detail)) problems["BudgetSetDetail"] = "Say how the budget was set, in words";
        if (toldOn is { } on && on > today) problems["BudgetToldOn"] = "The date the person was told their budget cannot be in the future";
        if (toldOn is not null && string.IsNullOrWhiteSpace(toldHow)) problems["BudgetToldHow"] = "Say how the person was told their budget (for example, at a meeting, by letter)";
        return problems;
    }

    /// <summary>Records the indicative budget and, when given, when and how the person was told it.</summary>
    public void RecordBudget(decimal weekly, BudgetSetting setBy, string? detail, DateOnly? toldOn, string? toldHow, DateOnly today)
    {
        var problems = BudgetProblems(weekly, setBy, detail, toldOn, toldHow, today);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values));
        WeeklyBudget = decimal.Round(weekly, 2);
        BudgetSetBy = setBy;
        BudgetSetDetail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        BudgetToldOn = toldOn;
        BudgetToldHow = string.IsNullOrWhiteSpace(toldHow) ? null : toldHow.Trim();
    }

    public static string Describe(BudgetSetting setting) => setting switch
    {
        BudgetSetting.ResourceAllocationSystem => "the authority's resource allocation system",
        BudgetSetting.Equivalency => "equivalency (what the support would cost the authority to arrange)",
        _ => "another way",
    };

    public static string Describe(SdsOption option) => option switch
    {
        SdsOption.DirectPayment => "Option 1: a direct payment",
        SdsOption.IndividualServiceFund => "Option 2: you choose, the money goes to the provider you choose (an Individual Service Fund)",
        SdsOption.AuthorityArranged => "Option 3: the council arranges it, and you still say who and how",
        _ => "Option 4: a mix of options",
    };

    /// <summary>Reads "support-type=option" lines; a line that does not parse is left out.</summary>
    public static IReadOnlyList<SupportChoice> ParseChoices(string? text)
    {
        var choices = new List<SupportChoice>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], out var n) && n is >= 1 and <= 3) choices.Add(new SupportChoice(parts[0], (SdsOption)n));
        }
        return choices;
    }

    public static string FormatChoices(IEnumerable<SupportChoice> choices) => string.Join('\n', choices.Select(c => $"{c.SupportType}={(int)c.Option}"));
}
