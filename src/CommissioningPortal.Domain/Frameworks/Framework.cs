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
        return LotById(lotId).Admit(providerId, providerName, on, rate, at, by);
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
