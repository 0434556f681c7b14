using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommissioningPortal.Data.Workflows;

/// <summary>
/// The process engine's storage on the portal's database context. A firing's unit of work is the
/// scoped context: what the caller added before firing (an agreement's rows) and what handlers and
/// the notifier add commit in the same save. A caller's transaction, when there is one, covers the
/// whole step; otherwise one is begun only when timers are updated in bulk beside the save.
/// </summary>
public sealed class EfWorkflowStore(PortalDbContext db) : IWorkflowStore
{
    public Task<WorkflowInstance?> FindAsync(Guid instanceId, CancellationToken ct) =>
        db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, ct);

    public Task<WorkflowInstance?> FindByBusinessKeyAsync(string businessKey, CancellationToken ct) =>
        db.WorkflowInstances.FirstOrDefaultAsync(i => i.BusinessKey == businessKey, ct);

    public async Task<IReadOnlyList<WorkflowHistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken ct) =>
        await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(ct);

    public async Task<IReadOnlyList<WorkItem>> OpenWorkItemsAsync(Guid instanceId, CancellationToken ct) =>
        await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId && w.ClosedAt == null).ToListAsync(ct);

    public Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken ct) => Task.FromResult<IWorkflowUnitOfWork>(new UnitOfWork(db));

    public async Task<IReadOnlyList<Guid>> DueTimersAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.FiredAt == null && !t.Cancelled && t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .OrderBy(t => t.DueAt).Select(t => t.Id).Take(max).ToListAsync(ct);

    public async Task<WorkflowTimer?> ClaimTimerAsync(Guid timerId, string claimant, DateTimeOffset now, DateTimeOffset leaseEnd, CancellationToken ct)
    {
        // A conditional UPDATE: of two app instances claiming at once, exactly one changes the row.
        var claimed = await db.WorkflowTimers
            .Where(t => t.Id == timerId && t.FiredAt == null && !t.Cancelled && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, claimant).SetProperty(t => t.ClaimedUntil, leaseEnd), ct);
        return claimed == 1 ? await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Id == timerId, ct) : null;
    }

    public Task CancelTimerAsync(Guid timerId, string claimant, CancellationToken ct) =>
        db.WorkflowTimers.Where(t => t.Id == timerId && t.FiredAt == null && t.ClaimedBy == claimant)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Cancelled, true), ct);

    private sealed class UnitOfWork(PortalDbContext db) : IWorkflowUnitOfWork
    {
        private IDbContextTransaction? _transaction;
        private bool _done;

        public void AddInstance(WorkflowInstance instance) => db.WorkflowInstances.Add(instance);
        public void AddHistory(WorkflowHistoryEntry entry) => db.WorkflowHistory.Add(entry);
        public void AddWorkItem(WorkItem item) => db.WorkItems.Add(item);
        public void AddTimer(WorkflowTimer timer) => db.WorkflowTimers.Add(timer);

        public void Changed(WorkflowInstance instance) => db.Entry(instance).Property(i => i.Version).IsModified = true;

        public async Task CloseWorkItemsAsync(Guid instanceId, string state, string trigger, string by, DateTimeOffset now, CancellationToken ct)
        {
            foreach (var item in await db.WorkItems.Where(w => w.InstanceId == instanceId && w.State == state && w.ClosedAt == null).ToListAsync(ct))
            {
                item.ClosedAt = now;
                item.ClosedBy = by;
                item.Completed = item.Trigger == trigger;
            }
        }

        public async Task CancelTimersAsync(Guid instanceId, string state, CancellationToken ct)
        {
            await EnsureTransactionAsync(ct);
            await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.State == state && t.FiredAt == null && !t.Cancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Cancelled, true), ct);
        }

        public async Task MarkTimerFiredAsync(Guid timerId, DateTimeOffset now, CancellationToken ct)
        {
            await EnsureTransactionAsync(ct);
            await db.WorkflowTimers.Where(t => t.Id == timerId).ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
        }

        /// <summary>SaveChanges is one transaction by itself; bulk updates beside it need an explicit one (unless the caller has one).</summary>
        private async Task EnsureTransactionAsync(CancellationToken ct)
        {
            if (_transaction is null && db.Database.CurrentTransaction is null) _transaction = await db.Database.BeginTransactionAsync(ct);
        }

        public async Task<bool> CommitAsync(CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                if (_transaction is not null) await _transaction.CommitAsync(ct);
                _done = true;
                return true;
            }
            catch (DbUpdateException) // a concurrency token or the unique history sequence: someone fired first
            {
                if (_transaction is not null) await _transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                _done = true;
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
            {
                // A handler refused (or the caller gave up): forget what this firing added; the transaction rolls back.
                db.ChangeTracker.Clear();
            }
            if (_transaction is not null) await _transaction.DisposeAsync();
        }
    }
}

/// <summary>"Who holds role R in authority A", from the portal's Identity tables.</summary>
public sealed class EfWorkflowRoleDirectory(PortalDbContext db) : IWorkflowRoleDirectory
{
    public async Task<IReadOnlyList<WorkflowRecipient>> HoldersAsync(string role, Guid authorityId, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where u.AuthorityId == authorityId && r.Name == role && u.Email != null
               select new WorkflowRecipient(u.Id, u.Email!, u.DisplayName)).Distinct().ToListAsync(ct);
}
