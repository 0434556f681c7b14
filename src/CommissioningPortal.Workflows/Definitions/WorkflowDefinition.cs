using System.Text.Json.Serialization;

namespace CommissioningPortal.Workflows.Definitions;

/// <summary>
/// A process definition, read from <c>workflow-definitions/&lt;id&gt;.v&lt;version&gt;.json</c>.
/// Published definitions are immutable: a change is a new version in a new file, and running
/// instances stay on the version they started on.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string InitialState { get; init; }
    public required IReadOnlyList<StateDefinition> States { get; init; }
    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    [JsonIgnore]
    public string Key => $"{Id}.v{Version}";

    public StateDefinition? State(string name) => States.FirstOrDefault(s => s.Name == name);
}

public sealed record StateDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public bool Final { get; init; }

    /// <summary>Actions run on entering the state, in the firing transaction or through the outbox.</summary>
    public IReadOnlyList<ActionDefinition> OnEntry { get; init; } = [];
}

public sealed record TransitionDefinition
{
    public required string Trigger { get; init; }
    public required IReadOnlyList<string> From { get; init; }
    public required string To { get; init; }

    /// <summary>A named guard (a domain rule) that must hold for the transition to fire.</summary>
    public string? Guard { get; init; }

    /// <summary>Roles allowed to fire it; "system" for timers and the engine itself.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public bool CommentRequired { get; init; }
    public string? Title { get; init; }
}

public sealed record TimerDefinition
{
    /// <summary>The state the timer runs in; leaving the state cancels it.</summary>
    public required string State { get; init; }

    /// <summary>ISO 8601 duration after entering the state, e.g. "P10D".</summary>
    public string? After { get; init; }

    /// <summary>A date variable of the instance, e.g. "closingDate".</summary>
    public string? At { get; init; }

    public required string Trigger { get; init; }
}

public sealed record ActionDefinition
{
    /// <summary>email, task, document, startProcess, setVariable or handler.</summary>
    public required string Type { get; init; }

    public string? Role { get; init; }
    public string? Template { get; init; }
    public string? Title { get; init; }
    public string? Due { get; init; }
    public string? Trigger { get; init; }
    public string? Process { get; init; }
    public string? Variable { get; init; }
    public string? Value { get; init; }
    public string? Handler { get; init; }
}

public sealed record VariableDefinition
{
    public required string Name { get; init; }

    /// <summary>string, number, boolean, date or money.</summary>
    public required string Type { get; init; }

    public bool Required { get; init; }
}
