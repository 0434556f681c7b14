using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The trigger does not apply in the current state, or its guard does not hold (HTTP 409).</summary>
    NotPermitted,

    /// <summary>This transition needs a comment (HTTP 400).</summary>
    CommentRequired,

    /// <summary>Someone else moved the instance on first (HTTP 409). Nothing changed.</summary>
    Conflict,

    NotFound,
}

public sealed record FireResult(FireOutcome Outcome, string? State = null, string? Message = null);

/// <summary>
/// Starts instances and fires triggers. Each firing is one database transaction: the new state,
/// the history entry, closed and new work items, cancelled and new timers and any e-mail all
/// commit together, or nothing does. The instance's version token makes a concurrent double-fire
/// apply once.
/// </summary>
public sealed class WorkflowRuntime(PortalDbContext db, WorkflowDefinitionRegistry definitions, TimeProvider clock, IWorkflowGuards? guards = null,
    IEnumerable<IWorkflowActionHandler>? handlers = null)
{
    private readonly Dictionary<string, IWorkflowActionHandler> _handlers = (handlers ?? []).ToDictionary(h => h.Name, StringComparer.Ordinal);

    public async Task<WorkflowInstance> StartAsync(string definitionId, string title, Guid? authorityId,
        IReadOnlyDictionary<string, object?>? variables, WorkflowActor actor, CancellationToken ct = default)
    {
        var instance = await CreateAsync(definitions.Latest(definitionId), title, authorityId, variables, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return instance;
    }

    /// <summary>A new instance and its initial state's entry actions, added to the unit of work (not saved).</summary>
    private async Task<WorkflowInstance> CreateAsync(WorkflowDefinition definition, string title, Guid? authorityId,
        IReadOnlyDictionary<string, object?>? variables, DateTimeOffset now, CancellationToken ct)
    {
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            State = definition.InitialState,
            Title = title,
            AuthorityId = authorityId,
            VariablesJson = JsonSerializer.Serialize(variables ?? new Dictionary<string, object?>()),
            StartedAt = now,
        };
        db.WorkflowInstances.Add(instance);
        await EnterAsync(definition, instance, definition.InitialState, now, ct);
        return instance;
    }

    /// <summary>Fires <paramref name="trigger"/> on the instance as it is now.</summary>
    /// <param name="timerId">The timer that fired it, marked fired in the same transaction.</param>
    public async Task<FireResult> FireAsync(Guid instanceId, string trigger, WorkflowActor actor, string? comment = null,
        int? expectedVersion = null, CancellationToken ct = default, Guid? timerId = null)
    {
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return new FireResult(FireOutcome.NotFound);
        if (expectedVersion is { } seen && seen != instance.Version)
        {
            return new FireResult(FireOutcome.Conflict, instance.State, "Someone else moved this on while you were looking at it.");
        }

        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion); // pinned
        var from = instance.State;
        var transition = definition.Transitions.FirstOrDefault(t => t.Trigger == trigger && t.From.Contains(from) && (t.Guard is null || Guard(t.Guard, instance)));
        if (transition is null) return new FireResult(FireOutcome.NotPermitted, from, $"'{trigger}' cannot happen while it is {definition.State(from)?.Title ?? from}.");
        if (!transition.Roles.Any(actor.Roles.Contains)) return new FireResult(FireOutcome.NotAllowed, from, "Your role cannot do that.");
        if (transition.CommentRequired && string.IsNullOrWhiteSpace(comment)) return new FireResult(FireOutcome.CommentRequired, from, "Give your reasons.");

        var state = from;
        var machine = WorkflowMachine.Build(definition, () => state, s => state = s, name => Guard(name, instance));
        machine.Fire(trigger);
        var now = clock.GetUtcNow();

        // SaveChanges is one transaction by itself; an explicit one is needed only when timers are
        // updated in bulk beside it (a fired timer, or a state with timers to cancel).
        // A caller's transaction, when there is one, covers the whole step.
        var bulkUpdates = timerId is not null || definition.Timers.Any(t => t.State == from);
        await using var transaction = bulkUpdates && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Every save of an instance is one step, so its version counts the steps: the entry's sequence
        // is the version this save gives it (1, 2, 3 …), and the unique (instance, sequence) index
        // refuses a second step made from the same starting point.
        db.WorkflowHistory.Add(new WorkflowHistoryEntry
        {
            InstanceId = instance.Id, Sequence = instance.Version + 1, Trigger = trigger, FromState = from, ToState = state,
            Actor = actor.Name, At = now, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

        // Leaving the state closes its tasks and cancels its timers.
        foreach (var item in await db.WorkItems.Where(w => w.InstanceId == instance.Id && w.State == from && w.ClosedAt == null).ToListAsync(ct))
        {
            item.ClosedAt = now;
            item.ClosedBy = actor.Name;
            item.Completed = item.Trigger == trigger;
        }
        if (timerId is { } firedBy)
        {
            await db.WorkflowTimers.Where(t => t.Id == firedBy).ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
        }
        if (definition.Timers.Any(t => t.State == from)) // only states with timers can have any to cancel
        {
            await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id && t.State == from && t.FiredAt == null && !t.Cancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Cancelled, true), ct);
        }

        instance.State = state;
        db.Entry(instance).Property(i => i.Version).IsModified = true;
        try
        {
            await EnterAsync(definition, instance, state, now, ct);
        }
        catch
        {
            // A handler refused: the transaction rolls back on dispose; forget what this firing added.
            db.ChangeTracker.Clear();
            throw;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) // a concurrency token or the unique history sequence: someone fired first
        {
            if (transaction is not null) await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new FireResult(FireOutcome.Conflict, null, "Someone else moved this on first. Nothing was changed.");
        }
        return new FireResult(FireOutcome.Fired, state);
    }

    private bool Guard(string name, WorkflowInstance instance) => guards?.Evaluate(name, instance) ?? true;

    /// <summary>Runs a state's entry actions and sets its timers (added to the unit of work, so they commit with the transition).</summary>
    private async Task EnterAsync(WorkflowDefinition definition, WorkflowInstance instance, string stateName, DateTimeOffset now, CancellationToken ct)
    {
        var state = definition.State(stateName)!;
        if (state.Final) instance.CompletedAt = now;
        foreach (var action in state.OnEntry.Where(a => a.Type == "email" && a.Role is not null && instance.AuthorityId is not null))
        {
            // Everyone holding the role in the instance's authority, through the outbox.
            var recipients = await (from u in db.Users
                                    join ur in db.UserRoles on u.Id equals ur.UserId
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    where u.AuthorityId == instance.AuthorityId && r.Name == action.Role && u.Email != null
                                    select new { u.Email, u.DisplayName }).Distinct().ToListAsync(ct);
            foreach (var recipient in recipients)
            {
                db.OutboxMessages.Add(new CommissioningPortal.Data.Outbox.OutboxMessage
                {
                    CreatedAt = now,
                    NextAttemptAt = now,
                    ToAddress = recipient.Email!,
                    ToName = recipient.DisplayName,
                    Subject = $"{instance.Title}: {state.Title}",
                    TextBody = $"Hello {recipient.DisplayName},\n\n'{instance.Title}' is now at the stage: {state.Title}.\n\n" +
                               "Sign in to the Commissioning Portal to see it and any tasks it gives you.\n\nCommissioning Portal",
                    Kind = $"workflow:{action.Template ?? stateName}",
                });
            }
        }
        foreach (var action in state.OnEntry.Where(a => a.Type == "task"))
        {
            db.WorkItems.Add(new WorkItem
            {
                InstanceId = instance.Id,
                Title = action.Title ?? state.Title,
                Role = action.Role,
                AuthorityId = instance.AuthorityId,
                State = stateName,
                Trigger = action.Trigger!,
                CreatedAt = now,
                DueAt = action.Due is null ? null : now + XmlConvert.ToTimeSpan(action.Due),
            });
        }
        foreach (var action in state.OnEntry.Where(a => a.Type == "setVariable"))
        {
            SetVariable(instance, action.Variable!, action.Value, now);
        }
        foreach (var action in state.OnEntry.Where(a => a.Type == "startProcess"))
        {
            var child = definitions.Latest(action.Process!);
            var started = await CreateAsync(child, action.Title ?? $"{instance.Title}: {child.Title}", instance.AuthorityId,
                new Dictionary<string, object?> { ["parentInstanceId"] = instance.Id.ToString() }, now, ct);
            SetVariable(instance, $"{child.Id}InstanceId", started.Id.ToString(), now);
        }
        foreach (var action in state.OnEntry.Where(a => a.Type is "handler" or "document"))
        {
            // Named domain handlers (and document renderers, registered as "document:<template>") work on
            // this same context, so what they add commits with the transition or not at all.
            var name = action.Type == "document" ? $"document:{action.Template}" : action.Handler!;
            if (!_handlers.TryGetValue(name, out var handler))
            {
                throw new InvalidOperationException($"{definition.Key}: state '{stateName}' calls '{name}', but no handler of that name is registered.");
            }
            await handler.RunAsync(new WorkflowActionContext(db, instance, definition, state, action, now), ct);
        }
        foreach (var timer in definition.Timers.Where(t => t.State == stateName))
        {
            var due = timer.After is not null ? now + XmlConvert.ToTimeSpan(timer.After) : DateVariable(instance, timer.At!);
            if (due is null) continue;
            db.WorkflowTimers.Add(new WorkflowTimer { InstanceId = instance.Id, State = stateName, Trigger = timer.Trigger, DueAt = due.Value });
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
        where a.Type is "handler" or "document"
        select (d, a.Type == "document" ? $"document:{a.Template}" : a.Handler!);

    private static DateTimeOffset? DateVariable(WorkflowInstance instance, string name)
    {
        using var json = JsonDocument.Parse(instance.VariablesJson);
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date
            : null;
    }
}

/// <summary>Named guards: domain rules a definition refers to by name.</summary>
public interface IWorkflowGuards
{
    bool Evaluate(string name, WorkflowInstance instance);
}

/// <summary>What a named action handler gets: the firing's unit of work and where the instance is.</summary>
public sealed record WorkflowActionContext(PortalDbContext Db, WorkflowInstance Instance, WorkflowDefinition Definition,
    StateDefinition State, ActionDefinition Action, DateTimeOffset Now);

/// <summary>
/// A named domain handler (action "handler") or document renderer (action "document", named
/// "document:&lt;template&gt;"). It runs inside the firing transaction: add to <see cref="WorkflowActionContext.Db"/>,
/// never save, and throw to abandon the whole transition.
/// </summary>
public interface IWorkflowActionHandler
{
    string Name { get; }

    Task RunAsync(WorkflowActionContext context, CancellationToken ct);
}
