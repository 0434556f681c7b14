using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Tasks;

/// <summary>The task inbox: open work items for the user's roles in their authority, or for them by name.</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, WorkflowRuntime runtime, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, Guid InstanceId, string Title, string ProcessTitle, DateTimeOffset? DueAt, bool Overdue);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int OverdueCount => Items.Count(i => i.Overdue);

    public async Task OnGetAsync(CancellationToken ct) => Items = await LoadAsync(null, ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var item = (await LoadAsync(id, ct)).SingleOrDefault();
        if (item is null) return NotFound(); // not theirs, or already done
        var task = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id, ct);
        var actor = new WorkflowActor(User.DisplayNameOf(), Roles.All.Where(User.IsInRole).ToList(), User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        var result = await runtime.FireAsync(task.InstanceId, task.Trigger, actor, ct: ct);
        switch (result.Outcome)
        {
            case FireOutcome.Fired:
                TempData["StatusMessage"] = $"Done: {task.Title}.";
                return Redirect("/tasks");
            case FireOutcome.NotAllowed:
                return Forbid();
            default:
                TempData["StatusMessage"] = result.Message ?? "That could not be done. Try again.";
                return Redirect($"/processes/{task.InstanceId}");
        }
    }

    private async Task<List<Row>> LoadAsync(Guid? only, CancellationToken ct)
    {
        var authority = User.AuthorityIdOf();
        var roles = Roles.All.Where(User.IsInRole).ToList();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var query = from w in db.WorkItems.AsNoTracking()
                    join i in db.WorkflowInstances.AsNoTracking() on w.InstanceId equals i.Id
                    where w.ClosedAt == null &&
                          ((w.UserId != null && w.UserId == userId) ||
                           (w.UserId == null && w.Role != null && roles.Contains(w.Role) && w.AuthorityId != null && w.AuthorityId == authority))
                    select new { w.Id, w.InstanceId, w.Title, ProcessTitle = i.Title, w.DueAt, w.CreatedAt };
        if (only is { } id) query = query.Where(x => x.Id == id);
        var now = clock.GetUtcNow();
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.CreatedAt)
            .Select(r => new Row(r.Id, r.InstanceId, r.Title, r.ProcessTitle, r.DueAt, r.DueAt < now)).ToList();
    }
}
