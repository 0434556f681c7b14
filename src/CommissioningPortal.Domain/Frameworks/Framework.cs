using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Frameworks;

public enum FrameworkStatus
{
    /// <summary>Being set up: lots added, providers admitted; it does not count for anyone yet.</summary>
    Draft = 0,

    /// <summary>In force between its dates: its admitted providers are "on the framework".</summary>
    Live = 1,

    /// <summary>Brought to an end: nobody is on it any more. It cannot go live again.</summary>
    Ended = 2,
}

/// <summary>
/// An authority's agreement with admitted providers, in <see cref="Lot"/>s (client group, support
/// type, locality), each provider with a rate per lot (DESIGN.md glossary). A flexible framework
/// re-opens in rounds; the procurement that admits providers is a later process — this is what it
/// admits them to.
/// <para>
/// The framework is the one way in: its lots, their members and its own status change only through
/// its methods, which hold the rules (an ended framework changes no more; a provider is on a lot once;
/// a withdrawal is final). A broken rule is a <see cref="FrameworkRuleException"/> naming, where it
/// is one, the field at fault.
/// </para>
/// </summary>
public sealed class Framework : IVersioned
{
    public const int MaxReferenceLength = 50;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Why nothing on an ended framework can change, in the words every page uses.</summary>
    public const string EndedMessage = "This framework has ended: its lots and providers can no longer change.";

    private readonly List<Lot> _lots = [];
    private readonly List<FrameworkRound> _rounds = [];

    private Framework()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }

    /// <summary>The authority's own reference, e.g. "SDS-FW-2026"; unique within the authority.</summary>
    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public FrameworkStatus Status { get; private set; }

    /// <summary>The first day it is in force (set to the day it goes live if empty then).</summary>
    public DateOnly? StartsOn { get; private set; }

    /// <summary>The last day it is in force; null while open-ended.</summary>
    public DateOnly? EndsOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? WentLiveAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public IReadOnlyList<Lot> Lots => _lots;

    /// <summary>Its admission rounds: the first opening and each re-opening, in order.</summary>
    public IReadOnlyList<FrameworkRound> Rounds => _rounds;

    /// <summary>The round open now, if any (at most one is).</summary>
    public FrameworkRound? OpenRound => _rounds.FirstOrDefault(r => r.IsOpen);

    public int Version { get; set; }

    public bool HasEnded => Status == FrameworkStatus.Ended;

    /// <summary>
    /// A new draft for the authority. The reference, title, description and dates are checked as
    /// <see cref="ReferenceProblem"/>, <see cref="TitleProblem"/>, <see cref="DescriptionProblem"/>
    /// and <see cref="DatesProblem"/> say; whether the reference is already used is the caller's question.
    /// </summary>
    public static Framework CreateDraft(Guid authorityId, string reference, string title, string? description,
        DateOnly? startsOn, DateOnly? endsOn, DateTimeOffset at, string by)
    {
        reference = reference.Trim();
        title = title.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Check(nameof(Reference), ReferenceProblem(reference));
        Check(nameof(Title), TitleProblem(title));
        Check(nameof(Description), DescriptionProblem(description));
        Check(nameof(EndsOn), DatesProblem(startsOn, endsOn));
        return new Framework
        {
            AuthorityId = authorityId, Reference = reference, Title = title, Description = description,
            StartsOn = startsOn, EndsOn = endsOn, CreatedAt = at, CreatedBy = by,
        };
    }

    /// <summary>Why <paramref name="reference"/> (trimmed) cannot be a framework's reference, or null.</summary>
    public static string? ReferenceProblem(string? reference) =>
        PlainText.Problem(reference, "The reference", MaxReferenceLength, PlainText.Kind.Identifier, "Enter the framework's reference.");

    public static string? TitleProblem(string? title) =>
        PlainText.Problem(title, "The title", MaxTitleLength, PlainText.Kind.Line, "Enter the framework's title.");

    /// <summary>Why the (optional) description cannot be used, or null.</summary>
    public static string? DescriptionProblem(string? description) =>
        PlainText.Problem(description, "The description", MaxDescriptionLength, PlainText.Kind.Paragraphs);

    /// <summary>Why the dates cannot be used, or null when they can.</summary>
    public static string? DatesProblem(DateOnly? startsOn, DateOnly? endsOn) =>
        startsOn is { } s && endsOn is { } e && e < s ? "The end date must be on or after the start date." : null;

    /// <summary>Whether <paramref name="day"/> falls between its start and end (whatever its status).</summary>
    public bool CoversOn(DateOnly day) => (StartsOn is null || StartsOn.Value <= day) && (EndsOn is null || day <= EndsOn.Value);

    /// <summary>Live and its dates cover <paramref name="day"/> (in SQL: <see cref="FrameworkMembership.InForceOn"/>).</summary>
    public bool IsInForceOn(DateOnly day) => Status == FrameworkStatus.Live && CoversOn(day);

    /// <summary>
    /// Puts a draft in force. It needs at least one lot, and an end date (if any) not already past;
    /// with no start date it starts <paramref name="today"/>.
    /// </summary>
    public void MakeLive(DateOnly today, DateTimeOffset at)
    {
        if (Status != FrameworkStatus.Draft) throw new FrameworkRuleException(Status == FrameworkStatus.Live ? "This framework is already live." : "An ended framework cannot go live again.");
        if (_lots.Count == 0) throw new FrameworkRuleException("Add at least one lot before the framework goes live.");
        if (EndsOn is { } ends && ends < today) throw new FrameworkRuleException($"Its end date, {ends:d MMMM yyyy}, has passed: change it before the framework goes live.");
        if (DatesProblem(StartsOn, EndsOn) is { } problem) throw new FrameworkRuleException(problem);
        StartsOn ??= today;
        Status = FrameworkStatus.Live;
        WentLiveAt = at;
    }

    /// <summary>Ends a live framework now: from then on nobody is on it, whatever its dates said.</summary>
    public void End(DateOnly today, DateTimeOffset at)
    {
        if (Status != FrameworkStatus.Live) throw new FrameworkRuleException(Status == FrameworkStatus.Ended ? "This framework has already ended." : "Only a live framework can be ended. A draft can simply be left unused.");
        Status = FrameworkStatus.Ended;
        EndedAt = at;
        if (EndsOn is null || EndsOn.Value > today) EndsOn = today;
    }

    /// <summary>
    /// Adds the next lot (numbered after the last). Support type and client group are reference-term
    /// codes and the localities the authority's — the caller checks they exist; the rule here is that
    /// an ended framework takes no new lot, and the title.
    /// </summary>
    public Lot AddLot(string title, string? supportType, string? clientGroup, IEnumerable<Guid> localityIds)
    {
        ThrowIfEnded();
        Check(nameof(Lot.Title), Lot.TitleProblem(title));
        var lot = new Lot(Id, _lots.Count == 0 ? 1 : _lots.Max(l => l.Number) + 1, title.Trim(),
            string.IsNullOrWhiteSpace(supportType) ? null : supportType, string.IsNullOrWhiteSpace(clientGroup) ? null : clientGroup, localityIds);
        _lots.Add(lot);
        return lot;
    }

    /// <summary>
    /// Admits a provider to one of its lots from <paramref name="on"/>, with their rate for it (or
    /// none yet). A provider already on the lot, in any standing, is refused by name.
    /// </summary>
    public LotMember Admit(Guid lotId, Guid providerId, string providerName, DateOnly on, (int Pence, RateUnit Unit)? rate, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        return LotById(lotId).Admit(providerId, providerName, on, rate, null, at, by);
    }

    /// <summary>Why <paramref name="pence"/> cannot be a rate, or null.</summary>
    public static string? RateProblem(int pence) => pence <= 0 ? "The rate must be more than £0.00." : pence > 100_000_00 ? "The rate must be £100,000 or less." : null;

    /// <summary>Why a rate cannot take effect on <paramref name="from"/>, seen <paramref name="today"/>: not in the past, and within the framework's dates.</summary>
    public string? EffectiveDateProblem(DateOnly from, DateOnly today) =>
        from < today ? $"The date it takes effect cannot be in the past: use {today:d MMMM yyyy} or later."
        : EndsOn is { } ends && from > ends ? $"The date it takes effect must be on or before the framework's end, {ends:d MMMM yyyy}."
        : null;

    /// <summary>
    /// Opens an admission round: the first opening or a re-opening for new entrants and revised prices,
    /// closing on <paramref name="closesOn"/>. One round at a time; not on an ended framework. Members who
    /// do not take part stay admitted at their rates.
    /// </summary>
    public FrameworkRound OpenRoundFor(string title, DateOnly closesOn, Guid? opportunityId, DateOnly today, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        if (OpenRound is { } open) throw new FrameworkRuleException($"Round {open.Number} is still open: close it before opening another.");
        title = (title ?? "").Trim();
        Check(nameof(FrameworkRound.Title), FrameworkRound.TitleProblem(title));
        if (closesOn < today) throw new FrameworkRuleException($"The closing date cannot be in the past: use {today:d MMMM yyyy} or later.", nameof(FrameworkRound.ClosesOn));
        var round = new FrameworkRound(Id, _rounds.Count + 1, title, today, closesOn, opportunityId, at, by);
        _rounds.Add(round);
        return round;
    }

    /// <summary>Closes the open round: no more admissions or revised prices through it.</summary>
    public void CloseRound(Guid roundId, DateTimeOffset at, string by)
    {
        var round = RoundById(roundId);
        if (!round.IsOpen) throw new FrameworkRuleException($"Round {round.Number} is already closed.");
        round.Close(at, by);
    }

    /// <summary>
    /// Admits a new entrant through an open round, to one lot, with its rate from <paramref name="from"/>
    /// (today or later; they count as on the framework from that day).
    /// </summary>
    public LotMember AdmitInRound(Guid roundId, Guid lotId, Guid providerId, string providerName, int ratePence, RateUnit unit, DateOnly from, DateOnly today, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        var round = RequireOpen(roundId);
        var lot = LotById(lotId);
        if (lot.AdmissionProblem(providerId, providerName) is { } problem) throw new FrameworkRuleException(problem, nameof(LotMember.ProviderId));
        Check(nameof(LotRate.AmountPence), RateProblem(ratePence));
        Check(nameof(LotRate.EffectiveFrom), EffectiveDateProblem(from, today));
        return lot.Admit(providerId, providerName, from, (ratePence, unit), round.Id, at, by);
    }

    /// <summary>
    /// A member's revised price through an open round, in force from <paramref name="from"/> (today or
    /// later); until then their earlier rate stands. Not for a withdrawn member.
    /// </summary>
    public LotRate RevisePrice(Guid roundId, Guid memberId, int ratePence, RateUnit unit, DateOnly from, DateOnly today, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        var round = RequireOpen(roundId);
        var member = MemberById(memberId);
        if (member.Status == LotMemberStatus.Withdrawn) throw new FrameworkRuleException("This provider has been withdrawn from this lot, so has no price to revise.");
        Check(nameof(LotRate.AmountPence), RateProblem(ratePence));
        Check(nameof(LotRate.EffectiveFrom), EffectiveDateProblem(from, today));
        return member.AddRate(ratePence, unit, from, round.Id, at, by);
    }

    /// <summary>
    /// Calls off a package from a lot by direct award to one of its admitted members, under
    /// <paramref name="rule"/> with the reason; the price is the member's rate on the start date.
    /// <paramref name="number"/> is the framework's next call-off number (the caller counts them).
    /// </summary>
    public CallOff AwardDirectly(Guid lotId, int number, Guid personId, string summary, int? hoursPerWeek, DateOnly startOn, Guid memberId,
        DirectAwardRule rule, string reason, DateOnly today, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        var lot = LotById(lotId);
        var member = lot.Members.FirstOrDefault(m => m.Id == memberId && m.Status == LotMemberStatus.Admitted && m.AdmittedOn <= today)
                     ?? throw new FrameworkRuleException("Choose a provider admitted to this lot.", nameof(CallOff.ChosenProviderId));
        var callOff = CallOff.Create(this, lot, number, personId, summary, hoursPerWeek, startOn, CallOffMethod.DirectAward, today, at, by);
        callOff.AwardDirectly(member, rule, reason, at, by);
        return callOff;
    }

    /// <summary>
    /// Calls off a package from a lot by mini-competition: the anonymised package goes to every member
    /// admitted (not suspended or withdrawn) on <paramref name="today"/>, who may offer until <paramref name="offersDueOn"/>.
    /// </summary>
    public CallOff StartMiniCompetition(Guid lotId, int number, Guid personId, string summary, int? hoursPerWeek, DateOnly startOn, DateOnly offersDueOn,
        DateOnly today, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        var lot = LotById(lotId);
        var callOff = CallOff.Create(this, lot, number, personId, summary, hoursPerWeek, startOn, CallOffMethod.MiniCompetition, today, at, by);
        callOff.Invite(lot.Members.Where(m => m.Status == LotMemberStatus.Admitted && m.AdmittedOn <= today).Select(m => m.ProviderId).ToList(), offersDueOn, today);
        return callOff;
    }

    public LotMember MemberById(Guid memberId) =>
        _lots.SelectMany(l => l.Members).FirstOrDefault(m => m.Id == memberId) ?? throw new InvalidOperationException($"No member {memberId} on framework {Reference}.");

    public FrameworkRound RoundById(Guid roundId) =>
        _rounds.FirstOrDefault(r => r.Id == roundId) ?? throw new InvalidOperationException($"No round {roundId} on framework {Reference}.");

    private FrameworkRound RequireOpen(Guid roundId)
    {
        var round = RoundById(roundId);
        if (!round.IsOpen) throw new FrameworkRuleException($"Round {round.Number} has closed: open a new round to admit providers or revise prices.");
        return round;
    }

    /// <summary>Suspends, withdraws or reinstates a member of one of its lots, with the reason.</summary>
    public LotMember ChangeStanding(Guid memberId, StandingChange change, string reason, DateTimeOffset at, string by)
    {
        ThrowIfEnded();
        var member = _lots.SelectMany(l => l.Members).FirstOrDefault(m => m.Id == memberId)
                     ?? throw new InvalidOperationException($"No member {memberId} on framework {Reference}.");
        switch (change)
        {
            case StandingChange.Suspend: member.Suspend(reason, at, by); break;
            case StandingChange.Withdraw: member.Withdraw(reason, at, by); break;
            case StandingChange.Reinstate: member.Reinstate(reason, at, by); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
        return member;
    }

    public Lot LotById(Guid lotId) =>
        _lots.FirstOrDefault(l => l.Id == lotId) ?? throw new InvalidOperationException($"No lot {lotId} on framework {Reference}.");

    private void ThrowIfEnded()
    {
        if (HasEnded) throw new FrameworkRuleException(EndedMessage);
    }

    private static void Check(string field, string? problem)
    {
        if (problem is not null) throw new FrameworkRuleException(problem, field);
    }

    public static string StatusDisplayName(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Draft => "Draft",
        FrameworkStatus.Live => "Live",
        FrameworkStatus.Ended => "Ended",
        _ => status.ToString(),
    };
}

/// <summary>A change of a lot member's standing a commissioner makes, with a reason.</summary>
public enum StandingChange
{
    Suspend = 0,
    Withdraw = 1,
    Reinstate = 2,
}

/// <summary>
/// A framework rule was broken; the message says which, in words a commissioner understands, and
/// <see cref="Field"/> names the property at fault when it is one (null when it is the framework's state).
/// </summary>
public sealed class FrameworkRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}
