using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommissioningPortal.Workflows.Runtime;

/// <summary>
/// Fires due timers. Each timer is claimed atomically (a lease, <see cref="IWorkflowStore.ClaimTimerAsync"/>)
/// so that two app instances on one database fire it exactly once; the firing marks the timer fired in
/// the same unit of work as the transition, so a crash either leaves both undone (the lease runs out
/// and it is fired again) or both done. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkflowTimerDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimerDispatcher> logger)
{
    private const int BatchSize = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public string Id { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>One round: fires every timer due now. Returns how many transitions it fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            IReadOnlyList<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<IWorkflowStore>().DueTimersAsync(now, BatchSize, ct);
            }
            if (due.Count == 0) break;
            var claimedAny = false;
            foreach (var id in due)
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
                var timer = await store.ClaimTimerAsync(id, Id, now, now + Lease, ct);
                if (timer is null) continue; // another instance has it
                claimedAny = true;
                var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireTimerAsync(timer, ct);
                if (result.Outcome == FireOutcome.Fired)
                {
                    fired++;
                    continue;
                }
                // The process moved on without it (or cannot take it): the timer no longer applies.
                logger.LogInformation("Timer {TimerId} ({Trigger}) did not fire: {Outcome}", timer.Id, timer.Trigger, result.Outcome);
                await using var cleanup = scopes.CreateAsyncScope();
                await cleanup.ServiceProvider.GetRequiredService<IWorkflowStore>().CancelTimerAsync(id, Id, ct);
            }
            if (!claimedAny) break;
        }
        return fired;
    }
}
