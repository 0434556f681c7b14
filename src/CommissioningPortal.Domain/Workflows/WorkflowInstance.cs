using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Workflows;

/// <summary>
/// One running process (a tender, a framework, an agreement …), pinned to the definition version
/// it started on. Its state lives here, outside the state machine.
/// </summary>
public sealed class WorkflowInstance : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string State { get; set; }
    public required string Title { get; set; }

    /// <summary>The authority whose process it is: its staff get the tasks.</summary>
    public Guid? AuthorityId { get; set; }

    /// <summary>What it runs for, e.g. "agreement:{id}" or "partnership:{id}"; unique when set.</summary>
    public string? BusinessKey { get; set; }

    /// <summary>Instance variables (e.g. closingDate) as a JSON object.</summary>
    public string VariablesJson { get; set; } = "{}";

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One transition in an instance's history: who, when, from, to, trigger, comment.</summary>
public sealed class WorkflowHistoryEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }

    /// <summary>1, 2, 3 … per instance; unique, so one step can never be recorded twice.</summary>
    public int Sequence { get; set; }

    public required string Trigger { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A human task: created on entering a state, for a role in the instance's authority or a named user.</summary>
public sealed class WorkItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public required string Title { get; set; }
    public string? Role { get; set; }
    public string? UserId { get; set; }
    public Guid? AuthorityId { get; set; }

    /// <summary>The state it belongs to; leaving that state closes it.</summary>
    public required string State { get; set; }

    /// <summary>What completing it fires.</summary>
    public required string Trigger { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>True when closed by doing it; false when the process moved on without it.</summary>
    public bool Completed { get; set; }

    public int Version { get; set; }

    public bool IsOpen => ClosedAt is null;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueAt < now;
}

/// <summary>A timer waiting in the database, claimed by exactly one app instance when due.</summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public required string State { get; set; }
    public required string Trigger { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public bool Cancelled { get; set; }
}
