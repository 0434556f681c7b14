using CommissioningPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommissioningPortal.Workflows.Runtime;

/// <summary>
/// Fires due timers. Each timer is claimed with a conditional UPDATE (a lease) so that two app
/// instances on one database fire it exactly once; the firing marks the timer fired in the same
/// transaction as the transition, so a crash either leaves both undone (the lease runs out and it
/// is fired again) or both done. Time comes from <see cref="TimeProvider"/>.
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
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().WorkflowTimers.AsNoTracking()
                    .Where(t => t.FiredAt == null && !t.Cancelled && t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
                    .OrderBy(t => t.DueAt).Select(t => t.Id).Take(BatchSize).ToListAsync(ct);
            }
            if (due.Count == 0) break;
            var claimedAny = false;
            foreach (var id in due)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var leaseEnd = now + Lease;
                var claimed = await db.WorkflowTimers
                    .Where(t => t.Id == id && t.FiredAt == null && !t.Cancelled && (t.ClaimedUntil == null || t.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, Id).SetProperty(t => t.ClaimedUntil, leaseEnd), ct);
                if (claimed != 1) continue; // another instance has it
                claimedAny = true;
                var timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Id == id, ct);
                var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                var result = await runtime.FireAsync(timer.InstanceId, timer.Trigger, WorkflowActor.System, ct: ct, timerId: timer.Id);
                if (result.Outcome == FireOutcome.Fired)
                {
                    fired++;
                    continue;
                }
                // The process moved on without it (or cannot take it): the timer no longer applies.
                logger.LogInformation("Timer {TimerId} ({Trigger}) did not fire: {Outcome}", timer.Id, timer.Trigger, result.Outcome);
                await using var cleanup = scopes.CreateAsyncScope();
                await cleanup.ServiceProvider.GetRequiredService<PortalDbContext>().WorkflowTimers
                    .Where(t => t.Id == id && t.FiredAt == null && t.ClaimedBy == Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Cancelled, true), ct);
            }
            if (!claimedAny) break;
        }
        return fired;
    }
}
