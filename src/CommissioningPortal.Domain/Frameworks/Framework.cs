using CommissioningPortal.Domain.Common;

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
/// </summary>
public sealed class Framework : IVersioned
{
    public const int MaxReferenceLength = 50;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AuthorityId { get; set; }

    /// <summary>The authority's own reference, e.g. "SDS-FW-2026"; unique within the authority.</summary>
    public required string Reference { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public FrameworkStatus Status { get; set; }

    /// <summary>The first day it is in force (set to the day it goes live if empty then).</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>The last day it is in force; null while open-ended.</summary>
    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? WentLiveAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public List<Lot> Lots { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Whether <paramref name="day"/> falls between its start and end (whatever its status).</summary>
    public bool CoversOn(DateOnly day) => (StartsOn is null || StartsOn.Value <= day) && (EndsOn is null || day <= EndsOn.Value);

    /// <summary>Live and its dates cover <paramref name="day"/>.</summary>
    public bool IsInForceOn(DateOnly day) => Status == FrameworkStatus.Live && CoversOn(day);

    /// <summary>Why the dates cannot be used, or null when they can.</summary>
    public static string? DatesProblem(DateOnly? startsOn, DateOnly? endsOn) =>
        startsOn is { } s && endsOn is { } e && e < s ? "The end date must be on or after the start date." : null;

    /// <summary>
    /// Puts a draft in force. It needs at least one lot, and an end date (if any) not already past;
    /// with no start date it starts <paramref name="today"/>.
    /// </summary>
    public void MakeLive(DateOnly today, DateTimeOffset at)
    {
        if (Status != FrameworkStatus.Draft) throw new FrameworkRuleException(Status == FrameworkStatus.Live ? "This framework is already live." : "An ended framework cannot go live again.");
        if (Lots.Count == 0) throw new FrameworkRuleException("Add at least one lot before the framework goes live.");
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

    public static string StatusDisplayName(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Draft => "Draft",
        FrameworkStatus.Live => "Live",
        FrameworkStatus.Ended => "Ended",
        _ => status.ToString(),
    };
}

/// <summary>A framework rule was broken; the message says which, in words a commissioner understands.</summary>
public sealed class FrameworkRuleException(string message) : InvalidOperationException(message);
