namespace CommissioningPortal.Domain.Partnerships;

/// <summary>
/// A member of an alliance's Alliance Leadership Team (the commissioner and each provider have an
/// equal say). Current while it has not left. The alliance is its process instance.
/// </summary>
public sealed class AllianceMember
{
    private AllianceMember()
    {
    }

    public AllianceMember(Guid allianceInstanceId, string name, string? userId, DateTimeOffset joinedAt)
    {
        AllianceInstanceId = allianceInstanceId;
        Name = name.Trim();
        UserId = userId;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AllianceInstanceId { get; private set; }
    public string Name { get; private set; } = "";
    public string? UserId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsCurrent => LeftAt is null;

    public void Leave(DateTimeOffset at) => LeftAt ??= at;
}

public enum AlliancePosition
{
    Agrees = 0,
    Objects = 1,
}

/// <summary>A member's position on a decision; the latest one counts.</summary>
public sealed class AllianceMemberPosition
{
    private AllianceMemberPosition()
    {
    }

    internal AllianceMemberPosition(Guid decisionId, Guid memberId, AlliancePosition position, string? reason, DateTimeOffset at)
    {
        DecisionId = decisionId;
        MemberId = memberId;
        Position = position;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid DecisionId { get; private set; }
    public Guid MemberId { get; private set; }
    public AlliancePosition Position { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal void Change(AlliancePosition position, string? reason, DateTimeOffset at)
    {
        Position = position;
        Reason = reason;
        At = at;
    }
}

/// <summary>
/// A proposal put to the Alliance Leadership Team. It passes only unanimously: every current member
/// has agreed; one objection blocks it until withdrawn.
/// </summary>
public sealed class AllianceDecision
{
    public const int MaxReasonLength = 2000;

    private readonly List<AllianceMemberPosition> _positions = [];

    private AllianceDecision()
    {
    }

    public AllianceDecision(Guid allianceInstanceId, string proposal, DateTimeOffset at, string proposedBy = "")
    {
        AllianceInstanceId = allianceInstanceId;
        Proposal = proposal.Trim();
        ProposedAt = at;
        ProposedBy = proposedBy;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AllianceInstanceId { get; private set; }
    public string Proposal { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }

    /// <summary>Who put the proposal (any member may: equal say).</summary>
    public string ProposedBy { get; private set; } = "";

    public IReadOnlyList<AllianceMemberPosition> Positions => _positions;

    public void Agree(AllianceMember member, DateTimeOffset at) => Record(member, AlliancePosition.Agrees, null, at);

    /// <summary>An objection needs its reason: the others read it.</summary>
    public void Object(AllianceMember member, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Give the reason for the objection.", nameof(reason));
        Record(member, AlliancePosition.Objects, reason.Trim(), at);
    }

    /// <summary>The member withdraws their objection and agrees.</summary>
    public void WithdrawObjection(AllianceMember member, DateTimeOffset at)
    {
        if (PositionOf(member.Id) is not { Position: AlliancePosition.Objects }) throw new InvalidOperationException($"{member.Name} has no objection to withdraw.");
        Record(member, AlliancePosition.Agrees, null, at);
    }

    public AllianceMemberPosition? PositionOf(Guid memberId) => _positions.FirstOrDefault(p => p.MemberId == memberId);

    /// <summary>Why the decision does not pass with these current members; null when every one of them agrees.</summary>
    public string? WhyNotUnanimous(IReadOnlyCollection<AllianceMember> members)
    {
        var current = members.Where(m => m.IsCurrent && m.AllianceInstanceId == AllianceInstanceId).ToList();
        if (current.Count == 0) return "The Alliance Leadership Team has no members yet.";
        var objecting = current.Where(m => PositionOf(m.Id) is { Position: AlliancePosition.Objects }).ToList();
        if (objecting.Count > 0)
        {
            return string.Join(" ", objecting.Select(m => $"{m.Name} objects: {PositionOf(m.Id)!.Reason}")) + " One objection blocks a decision.";
        }
        var waiting = current.Where(m => PositionOf(m.Id) is null).Select(m => m.Name).ToList();
        return waiting.Count > 0 ? $"Not every member has agreed yet: waiting for {string.Join(", ", waiting)}." : null;
    }

    private void Record(AllianceMember member, AlliancePosition position, string? reason, DateTimeOffset at)
    {
        if (member.AllianceInstanceId != AllianceInstanceId) throw new InvalidOperationException($"{member.Name} is not a member of this alliance.");
        if (!member.IsCurrent) throw new InvalidOperationException($"{member.Name} has left the Alliance Leadership Team.");
        if (PositionOf(member.Id) is { } existing) existing.Change(position, reason, at);
        else _positions.Add(new AllianceMemberPosition(Id, member.Id, position, reason, at));
    }
}
