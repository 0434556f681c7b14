using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Workflows.Runtime;

/// <summary>Who fires a trigger: a person with roles, or the engine itself ("system").</summary>
public sealed record WorkflowActor(string Name, IReadOnlyCollection<string> Roles, string? UserId = null)
{
    public const string SystemRole = "system";
    public static readonly WorkflowActor System = new("system", [SystemRole]);
}

public enum FireOutcome
{
    Fired,

    /// <summary>The actor's roles may not fire this trigger (HTTP 403). Nothing changed.</summary>
    NotAllowed,

    /// <summary>The trigger does not apply in the current state (HTTP 409).</summary>
    NotPermitted,

    /// <summary>The transition's guard does not hold; the message is the guard's reason (HTTP 409). Nothing changed.</summary>
    Blocked,

    /// <summary>This transition needs a comment (HTTP 400).</summary>
    CommentRequired,

    /// <summary>Someone else moved the instance on first (HTTP 409). Nothing changed.</summary>
    Conflict,

    NotFound,
}

public sealed record FireResult(FireOutcome Outcome, string? State = null, string? Message = null);

/// <summary>
/// Starts instances and fires triggers. Each firing is one unit of work of the <see cref="IWorkflowStore"/>:
/// the new state, the history entry, closed and new work items, cancelled and new timers and any
/// notification commit together, or nothing does. The instance's version token makes a concurrent
/// double-fire apply once.
/// </summary>
public sealed class WorkflowRuntime(IWorkflowStore store, WorkflowDefinitionRegistry definitions, TimeProvider clock,
    IWorkflowRoleDirectory? roleDirectory = null, IWorkflowNotifier? notifier = null,
    IEnumerable<IWorkflowGuard>? guards = null, IEnumerable<IWorkflowActionHandler>? handlers = null)
{
    private readonly Dictionary<string, IWorkflowActionHandler> _handlers = (handlers ?? []).ToDictionary(h => h.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IWorkflowGuard> _guards = (guards ?? []).ToDictionary(g => g.Name, StringComparer.Ordinal);

    public WorkflowDefinitionRegistry Definitions => definitions;

    /// <param name="businessKey">What the instance runs for, e.g. "agreement:{id}" (unique), to find it by later.</param>
    public async Task<WorkflowInstance> StartAsync(string definitionId, string title, Guid? authorityId,
        IReadOnlyDictionary<string, object?>? variables, WorkflowActor actor, CancellationToken ct = default, string? businessKey = null)
    {
        await using var work = await store.BeginAsync(ct);
        var definition = definitions.Latest(definitionId);
        // A variable the definition marks required is required of every start, not only the generic start page's
        // (a process another starts as its child gets what its parent's handler gives it).
        var missing = definition.Variables.Where(v => v.Required && (variables is null || !variables.TryGetValue(v.Name, out var value) || value is null)).Select(v => v.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{definition.Key} needs the variable{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} to start.", nameof(variables));
        }
        var instance = await CreateAsync(work, definition, title, authorityId, variables, businessKey, clock.GetUtcNow(), ct);
        if (!await work.CommitAsync(ct)) throw new InvalidOperationException($"Could not start '{definitionId}': {businessKey} already has a process.");
        return instance;
    }

    public Task<WorkflowInstance?> FindAsync(Guid instanceId, CancellationToken ct = default) => store.FindAsync(instanceId, ct);

    public Task<WorkflowInstance?> FindByBusinessKeyAsync(string businessKey, CancellationToken ct = default) => store.FindByBusinessKeyAsync(businessKey, ct);

    /// <summary>Whether the actor's roles may start an instance of the newest version (<see cref="WorkflowDefinition.StartedBy"/>).</summary>
    public bool MayStart(string definitionId, WorkflowActor actor) => MayStart(definitions.Latest(definitionId), actor);

    public static bool MayStart(WorkflowDefinition definition, WorkflowActor actor) => definition.StartedBy.Any(actor.Roles.Contains);

    /// <summary>The definitions the actor may start from a generic "start a process" page: not those a feature owns.</summary>
    public IReadOnlyList<WorkflowDefinition> StartableBy(WorkflowActor actor) =>
        definitions.All.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => d.OwnedBy is null && MayStart(d, actor)).OrderBy(d => d.Title, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether the actor may fire <paramref name="trigger"/> on a new instance of the newest version,
    /// straight from its initial state (its roles; guards are not asked: there is no instance yet).
    /// </summary>
    public bool MayFireOnStart(string definitionId, string trigger, WorkflowActor actor)
    {
        var definition = definitions.Latest(definitionId);
        return definition.Transitions.Any(t => t.Trigger == trigger && t.From.Contains(definition.InitialState) && t.Roles.Any(actor.Roles.Contains));
    }

    /// <summary>
    /// Each transition from the instance's current state that the actor's roles allow, with whether
    /// its guard blocks it now (and the guard's reason), whether it needs a comment and whether a
    /// feature owns it. Nothing for a finished instance.
    /// </summary>
    public async Task<IReadOnlyList<AvailableTransition>> AvailableTransitionsAsync(WorkflowInstance instance, WorkflowActor actor, CancellationToken ct = default)
    {
        if (instance.CompletedAt is not null) return [];
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var available = new List<AvailableTransition>();
        foreach (var t in definition.Transitions.Where(t => t.From.Contains(instance.State) && t.Roles.Any(actor.Roles.Contains)))
        {
            var guard = await EvaluateAsync(definition, instance, t, actor, ct);
            available.Add(new AvailableTransition(t, definition.State(t.To)!, !guard.Passed, guard.Reason, t.CommentRequired, t.OwnedBy is not null));
        }
        return available;
    }

    /// <summary>Fires <paramref name="trigger"/> on the instance as it is now.</summary>
    /// <param name="expectedVersion">The version the actor saw; a different one is a conflict.</param>
    public Task<FireResult> FireAsync(Guid instanceId, string trigger, WorkflowActor actor, string? comment = null,
        int? expectedVersion = null, CancellationToken ct = default) =>
        FireCoreAsync(instanceId, trigger, actor, comment, expectedVersion, timerId: null, ct);

    /// <summary>A due timer's firing: marked fired in the same unit of work as its transition.</summary>
    internal Task<FireResult> FireTimerAsync(WorkflowTimer timer, CancellationToken ct) =>
        FireCoreAsync(timer.InstanceId, timer.Trigger, WorkflowActor.System, null, null, timer.Id, ct);

    private async Task<FireResult> FireCoreAsync(Guid instanceId, string trigger, WorkflowActor actor, string? comment,
        int? expectedVersion, Guid? timerId, CancellationToken ct)
    {
        var instance = await store.FindAsync(instanceId, ct);
        if (instance is null) return new FireResult(FireOutcome.NotFound);
        if (expectedVersion is { } seen && seen != instance.Version)
        {
            return new FireResult(FireOutcome.Conflict, instance.State, "Someone else moved this on while you were looking at it.");
        }

        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion); // pinned
        var from = instance.State;
        var candidates = instance.CompletedAt is null
            ? definition.Transitions.Where(t => t.Trigger == trigger && t.From.Contains(from)).ToList()
            : [];
        if (candidates.Count == 0) return new FireResult(FireOutcome.NotPermitted, from, $"'{trigger}' cannot happen while it is {definition.State(from)?.Title ?? from}.");
        candidates = candidates.Where(t => t.Roles.Any(actor.Roles.Contains)).ToList();
        if (candidates.Count == 0) return new FireResult(FireOutcome.NotAllowed, from, "Your role cannot do that.");

        TransitionDefinition? transition = null;
        string? blocked = null;
        foreach (var candidate in candidates)
        {
            var guard = await EvaluateAsync(definition, instance, candidate, actor, ct);
            if (guard.Passed)
            {
                transition = candidate;
                break;
            }
            blocked ??= guard.Reason;
        }
        if (transition is null) return new FireResult(FireOutcome.Blocked, from, blocked ?? "A rule of this process does not allow it yet.");
        if (transition.CommentRequired && string.IsNullOrWhiteSpace(comment)) return new FireResult(FireOutcome.CommentRequired, from, "Give your reasons.");

        var state = transition.To;
        var now = clock.GetUtcNow();
        await using var work = await store.BeginAsync(ct);
        // Every save of an instance is one step, so its version counts the steps: the entry's sequence
        // is the version this save gives it (1, 2, 3 …), and the unique (instance, sequence) index
        // refuses a second step made from the same starting point.
        work.AddHistory(new WorkflowHistoryEntry
        {
            InstanceId = instance.Id, Sequence = instance.Version + 1, Trigger = trigger, FromState = from, ToState = state,
            Actor = actor.Name, At = now, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

        // Leaving the state closes its tasks and cancels its timers.
        await work.CloseWorkItemsAsync(instance.Id, from, trigger, actor.Name, now, ct);
        if (timerId is { } firedBy) await work.MarkTimerFiredAsync(firedBy, now, ct);
        if (definition.Timers.Any(t => t.State == from)) await work.CancelTimersAsync(instance.Id, from, ct);

        instance.State = state;
        work.Changed(instance);
        await EnterAsync(work, definition, instance, state, now, ct); // a handler throwing abandons the unit of work
        return await work.CommitAsync(ct)
            ? new FireResult(FireOutcome.Fired, state)
            : new FireResult(FireOutcome.Conflict, null, "Someone else moved this on first. Nothing was changed.");
    }

    private async ValueTask<GuardResult> EvaluateAsync(WorkflowDefinition definition, WorkflowInstance instance, TransitionDefinition transition,
        WorkflowActor actor, CancellationToken ct)
    {
        if (transition.Guard is not { } name) return GuardResult.Pass;
        if (!_guards.TryGetValue(name, out var guard))
        {
            throw new WorkflowDefinitionException(definition.FileName, $"transition '{transition.Trigger}' names guard '{name}', which no registered guard provides");
        }
        return await guard.EvaluateAsync(new GuardContext(instance, definition, transition, actor), ct);
    }

    /// <summary>A new instance and its initial state's entry actions, added to the unit of work (not saved).</summary>
    private async Task<WorkflowInstance> CreateAsync(IWorkflowUnitOfWork work, WorkflowDefinition definition, string title, Guid? authorityId,
        IReadOnlyDictionary<string, object?>? variables, string? businessKey, DateTimeOffset now, CancellationToken ct)
    {
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            State = definition.InitialState,
            Title = title,
            AuthorityId = authorityId,
            BusinessKey = businessKey,
            VariablesJson = JsonSerializer.Serialize(variables ?? new Dictionary<string, object?>()),
            StartedAt = now,
        };
        work.AddInstance(instance);
        await EnterAsync(work, definition, instance, definition.InitialState, now, ct);
        return instance;
    }

    /// <summary>Runs a state's entry actions and sets its timers (added to the unit of work, so they commit with the transition).</summary>
    private async Task EnterAsync(IWorkflowUnitOfWork work, WorkflowDefinition definition, WorkflowInstance instance, string stateName, DateTimeOffset now, CancellationToken ct)
    {
        var state = definition.State(stateName)!;
        if (state.Final) instance.CompletedAt = now;
        foreach (var action in state.OnEntry)
        {
            switch (action)
            {
                case NotifyAction notify when instance.AuthorityId is { } authority && roleDirectory is not null && notifier is not null:
                    foreach (var recipient in await roleDirectory.HoldersAsync(notify.Role, authority, ct))
                    {
                        await notifier.NotifyAsync(new WorkflowNotification(recipient, $"{instance.Title}: {state.Title}",
                            $"Hello {recipient.Name},\n\n'{instance.Title}' is now at the stage: {state.Title}.\n\n" +
                            "Sign in to the Commissioning Portal to see it and any tasks it gives you.\n\nCommissioning Portal",
                            $"workflow:{notify.Template ?? stateName}", instance.Id), ct);
                    }
                    break;
                case TaskAction task:
                    work.AddWorkItem(new WorkItem
                    {
                        InstanceId = instance.Id,
                        Title = task.Title ?? state.Title,
                        Role = task.Role,
                        AuthorityId = instance.AuthorityId,
                        State = stateName,
                        Trigger = task.Trigger,
                        CreatedAt = now,
                        DueAt = task.Due is not null ? now + XmlConvert.ToTimeSpan(task.Due)
                            : task.DueAt is not null ? DateVariable(instance, task.DueAt)
                                ?? throw new InvalidOperationException($"{definition.Key}: the task in state '{stateName}' is due at the variable '{task.DueAt}', which the instance does not hold as a date.")
                            : null,
                    });
                    break;
                case SetVariableAction set:
                    SetVariable(instance, set.Variable, set.Value, now);
                    break;
                case StartProcessAction start:
                    var child = definitions.Latest(start.Process);
                    var started = await CreateAsync(work, child, start.Title ?? $"{instance.Title}: {child.Title}", instance.AuthorityId,
                        new Dictionary<string, object?> { ["parentInstanceId"] = instance.Id.ToString() }, null, now, ct);
                    SetVariable(instance, $"{child.Id}InstanceId", started.Id.ToString(), now);
                    break;
                case HandlerAction or DocumentAction:
                    // Named domain handlers (and document renderers, registered as "document:<template>") work on
                    // the host's unit of work, so what they add commits with the transition or not at all.
                    var name = action is DocumentAction document ? document.HandlerName : ((HandlerAction)action).Handler;
                    if (!_handlers.TryGetValue(name, out var handler))
                    {
                        throw new InvalidOperationException($"{definition.Key}: state '{stateName}' calls '{name}', but no handler of that name is registered.");
                    }
                    await handler.RunAsync(new WorkflowActionContext(instance, definition, state, action, now), ct);
                    break;
            }
        }
        foreach (var timer in definition.Timers.Where(t => t.State == stateName))
        {
            var due = timer.After is not null ? now + XmlConvert.ToTimeSpan(timer.After) : DateVariable(instance, timer.At!);
            if (due is null) continue;
            work.AddTimer(new WorkflowTimer { InstanceId = instance.Id, State = stateName, Trigger = timer.Trigger, DueAt = due.Value });
        }
    }

    /// <summary>Sets one variable. "$now" is the firing time; JSON literals (numbers, true/false) keep their type; anything else is text.</summary>
    private static void SetVariable(WorkflowInstance instance, string name, string? value, DateTimeOffset now)
    {
        var variables = JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [];
        variables[name] = value switch
        {
            null => null,
            "$now" => JsonValue.Create(now),
            _ when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "true" or "false" => JsonValue.Create(value == "true"),
            _ => JsonValue.Create(value),
        };
        instance.VariablesJson = variables.ToJsonString();
    }

    /// <summary>Names of the handlers a set of definitions calls, to check at start-up that each is registered.</summary>
    public static IEnumerable<(WorkflowDefinition Definition, string Handler)> HandlersCalledBy(IEnumerable<WorkflowDefinition> all) =>
        from d in all
        from s in d.States
        from a in s.OnEntry
        where a is HandlerAction or DocumentAction
        select (d, a is DocumentAction document ? document.HandlerName : ((HandlerAction)a).Handler);

    /// <summary>Names of the guards a set of definitions uses, to check at start-up that each is registered.</summary>
    public static IEnumerable<(WorkflowDefinition Definition, string Guard)> GuardsUsedBy(IEnumerable<WorkflowDefinition> all) =>
        from d in all
        from t in d.Transitions
        where t.Guard is not null
        select (d, t.Guard!);

    private static DateTimeOffset? DateVariable(WorkflowInstance instance, string name)
    {
        using var json = JsonDocument.Parse(instance.VariablesJson);
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date
            : null;
    }
}
