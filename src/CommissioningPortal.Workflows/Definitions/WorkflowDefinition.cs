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

    /// <summary>The roles that may start an instance from the "Start a process" page; empty: only a feature starts it.</summary>
    public IReadOnlyList<string> StartedBy { get; init; } = [];

    /// <summary>When set, only this feature starts instances (e.g. "agreements"): the generic start page does not offer it.</summary>
    public string? OwnedBy { get; init; }

    public required IReadOnlyList<StateDefinition> States { get; init; }
    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    [JsonIgnore]
    public string Key => $"{Id}.v{Version}";

    /// <summary>The file it was read from (<c>&lt;id&gt;.v&lt;version&gt;.json</c>).</summary>
    [JsonIgnore]
    public string FileName => $"{Key}.json";

    public StateDefinition? State(string name) => States.FirstOrDefault(s => s.Name == name);

    /// <summary>Every role the definition names: who starts it, who fires its transitions, who gets its tasks and e-mails.</summary>
    [JsonIgnore]
    public IReadOnlyCollection<string> RolesNamed =>
        StartedBy.Concat(Transitions.SelectMany(t => t.Roles))
            .Concat(States.SelectMany(s => s.OnEntry).OfType<IRoleAction>().Select(a => a.Role))
            .Where(r => r != Runtime.WorkflowActor.SystemRole).Distinct().ToList();
}

public sealed record StateDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public bool Final { get; init; }

    /// <summary>Actions run on entering the state, in the firing's unit of work.</summary>
    public IReadOnlyList<WorkflowAction> OnEntry { get; init; } = [];
}

public sealed record TransitionDefinition
{
    public required string Trigger { get; init; }
    public required IReadOnlyList<string> From { get; init; }
    public required string To { get; init; }

    /// <summary>A named guard (an <see cref="Runtime.IWorkflowGuard"/>) that must hold for the transition to fire.</summary>
    public string? Guard { get; init; }

    /// <summary>Roles allowed to fire it; "system" for timers and the engine itself.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public bool CommentRequired { get; init; }
    public string? Title { get; init; }

    /// <summary>
    /// The feature whose use case fires it (e.g. "agreements"): it carries data and rules only that
    /// feature supplies, so the generic process page never offers it and refuses it.
    /// </summary>
    public string? OwnedBy { get; init; }
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

/// <summary>An entry action, typed by its <c>type</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TaskAction), "task")]
[JsonDerivedType(typeof(NotifyAction), "email")]
[JsonDerivedType(typeof(DocumentAction), "document")]
[JsonDerivedType(typeof(StartProcessAction), "startProcess")]
[JsonDerivedType(typeof(SetVariableAction), "setVariable")]
[JsonDerivedType(typeof(HandlerAction), "handler")]
public abstract record WorkflowAction
{
    /// <summary>The name the definition files use for this kind of action.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>An action addressed to everyone holding a role in the instance's authority.</summary>
public interface IRoleAction
{
    string Role { get; }
}

/// <summary>A human task for everyone with <see cref="Role"/>; completing it fires <see cref="Trigger"/>.</summary>
public sealed record TaskAction : WorkflowAction, IRoleAction
{
    public override string Kind => "task";
    public required string Role { get; init; }
    public required string Trigger { get; init; }
    public string? Title { get; init; }

    /// <summary>ISO 8601 duration, e.g. "P5D".</summary>
    public string? Due { get; init; }

    /// <summary>Instead of <see cref="Due"/>: the name of a date variable holding when the task is due (e.g. set from the authority's own target when the process starts).</summary>
    public string? DueAt { get; init; }
}

/// <summary>A notification (e-mail through the portal's outbox) to everyone with <see cref="Role"/>.</summary>
public sealed record NotifyAction : WorkflowAction, IRoleAction
{
    public override string Kind => "email";
    public required string Role { get; init; }
    public string? Template { get; init; }
}

/// <summary>Runs the handler registered as <c>document:&lt;template&gt;</c>.</summary>
public sealed record DocumentAction : WorkflowAction
{
    public override string Kind => "document";
    public required string Template { get; init; }
    public string HandlerName => $"document:{Template}";
}

/// <summary>Starts the newest version of another process in the same authority, linked both ways.</summary>
public sealed record StartProcessAction : WorkflowAction
{
    public override string Kind => "startProcess";
    public required string Process { get; init; }
    public string? Title { get; init; }
}

/// <summary>Sets an instance variable; "$now" is the time of the step.</summary>
public sealed record SetVariableAction : WorkflowAction
{
    public override string Kind => "setVariable";
    public required string Variable { get; init; }
    public string? Value { get; init; }
}

/// <summary>Runs a named <see cref="Runtime.IWorkflowActionHandler"/>.</summary>
public sealed record HandlerAction : WorkflowAction
{
    public override string Kind => "handler";
    public required string Handler { get; init; }
}

public sealed record VariableDefinition
{
    public required string Name { get; init; }

    /// <summary>string, number, boolean, date or money.</summary>
    public required string Type { get; init; }

    public bool Required { get; init; }
}
