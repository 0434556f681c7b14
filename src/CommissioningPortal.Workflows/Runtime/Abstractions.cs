using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Workflows.Runtime;

/// <summary>
/// Where instances, history, work items and timers are kept. The host implements it (the portal
/// with EF Core in its data layer). Reads return what is stored; writes go through a
/// <see cref="IWorkflowUnitOfWork"/>, one per firing.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>The instance, tracked for a firing to change it.</summary>
    Task<WorkflowInstance?> FindAsync(Guid instanceId, CancellationToken ct);

    /// <summary>The instance running for a business object, e.g. "agreement:{id}".</summary>
    Task<WorkflowInstance?> FindByBusinessKeyAsync(string businessKey, CancellationToken ct);

    Task<IReadOnlyList<WorkflowHistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken ct);

    Task<IReadOnlyList<WorkItem>> OpenWorkItemsAsync(Guid instanceId, CancellationToken ct);

    /// <summary>One unit of work: everything a firing changes commits together or not at all.</summary>
    Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken ct);

    /// <summary>Ids of timers due at <paramref name="now"/> and not claimed by anyone whose lease still runs, soonest first.</summary>
    Task<IReadOnlyList<Guid>> DueTimersAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Claims a due timer for <paramref name="claimant"/> until <paramref name="leaseEnd"/> (atomically); null when someone else has it.</summary>
    Task<WorkflowTimer?> ClaimTimerAsync(Guid timerId, string claimant, DateTimeOffset now, DateTimeOffset leaseEnd, CancellationToken ct);

    /// <summary>Cancels a claimed timer that no longer applies.</summary>
    Task CancelTimerAsync(Guid timerId, string claimant, CancellationToken ct);
}

/// <summary>The changes of one firing. Disposing without <see cref="CommitAsync"/> discards them.</summary>
public interface IWorkflowUnitOfWork : IAsyncDisposable
{
    void AddInstance(WorkflowInstance instance);
    void AddHistory(WorkflowHistoryEntry entry);
    void AddWorkItem(WorkItem item);
    void AddTimer(WorkflowTimer timer);

    /// <summary>Marks the instance changed, so its version token moves on and a concurrent step fails.</summary>
    void Changed(WorkflowInstance instance);

    /// <summary>Closes the open work items of <paramref name="state"/>: completed when their trigger is the one fired.</summary>
    Task CloseWorkItemsAsync(Guid instanceId, string state, string trigger, string by, DateTimeOffset now, CancellationToken ct);

    Task CancelTimersAsync(Guid instanceId, string state, CancellationToken ct);

    Task MarkTimerFiredAsync(Guid timerId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Saves everything; false when someone else changed the instance first (nothing saved).</summary>
    Task<bool> CommitAsync(CancellationToken ct);
}

/// <summary>Someone a notification goes to.</summary>
public sealed record WorkflowRecipient(string UserId, string Email, string Name);

/// <summary>"Who holds role R in authority A": the host answers (the portal from its Identity store).</summary>
public interface IWorkflowRoleDirectory
{
    Task<IReadOnlyList<WorkflowRecipient>> HoldersAsync(string role, Guid authorityId, CancellationToken ct);
}

/// <summary>A notification an entry action sends.</summary>
public sealed record WorkflowNotification(WorkflowRecipient To, string Subject, string Body, string Kind, Guid InstanceId);

/// <summary>
/// "Send a notification": the host delivers it (the portal through its e-mail outbox, in the same
/// unit of work as the firing, so it goes only if the step commits).
/// </summary>
public interface IWorkflowNotifier
{
    ValueTask NotifyAsync(WorkflowNotification notification, CancellationToken ct);
}

/// <summary>What a guard is asked about: this instance taking this transition for this actor.</summary>
public sealed record GuardContext(WorkflowInstance Instance, WorkflowDefinition Definition, TransitionDefinition Transition, WorkflowActor Actor);

/// <summary>A guard's answer; when it blocks, the reason a user reads.</summary>
public readonly record struct GuardResult(bool Passed, string? Reason)
{
    public static GuardResult Pass => new(true, null);

    public static GuardResult Block(string reason) => new(false, reason);
}

/// <summary>A named rule a definition's transition refers to (<c>"guard": "unanimous"</c>). Registered like action handlers.</summary>
public interface IWorkflowGuard
{
    string Name { get; }

    ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct);
}

/// <summary>What a named action handler gets: where the instance is and the action being run.</summary>
public sealed record WorkflowActionContext(WorkflowInstance Instance, WorkflowDefinition Definition, StateDefinition State, WorkflowAction Action, DateTimeOffset Now);

/// <summary>
/// A named domain handler (action "handler") or document renderer (action "document", named
/// "document:&lt;template&gt;"). It runs inside the firing's unit of work: add to the host's unit of
/// work (the portal's scoped database context), never save, and throw to abandon the whole transition.
/// </summary>
public interface IWorkflowActionHandler
{
    string Name { get; }

    Task RunAsync(WorkflowActionContext context, CancellationToken ct);
}

/// <summary>A transition the actor may take from the instance's current state, as the engine sees it now.</summary>
/// <param name="Blocked">Its guard does not hold now; <paramref name="Reason"/> says why.</param>
/// <param name="FeatureOwned">A feature's use case fires it (<see cref="TransitionDefinition.OwnedBy"/>); a generic page must not offer it.</param>
public sealed record AvailableTransition(TransitionDefinition Transition, StateDefinition To, bool Blocked, string? Reason, bool CommentRequired, bool FeatureOwned)
{
    public string Trigger => Transition.Trigger;
    public string Title => Transition.Title ?? Transition.Trigger;
    public bool CanFire => !Blocked;
}
