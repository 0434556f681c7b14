using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Tasks;

/// <summary>The task inbox: open work items for the user's roles in their authority, or for them by name.</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, WorkflowRuntime runtime, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, Guid InstanceId, string Title, string ProcessTitle, DateTimeOffset? DueAt, bool Overdue);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int OverdueCount { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = Mine();
        Total = await mine.CountAsync(ct);
        OverdueCount = Total == 0 ? 0 : await mine.CountAsync(w => w.DueAt != null && w.DueAt < now, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await RowsAsync(mine.OrderBy(w => w.DueAt == null).ThenBy(w => w.DueAt).ThenBy(w => w.CreatedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize), now, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await RowsAsync(Mine().OrderBy(w => w.DueAt == null).ThenBy(w => w.DueAt).ThenBy(w => w.CreatedAt), clock.GetUtcNow(), ct);
        return File(Csv.Bytes(["Task", "For", "Due", "Overdue"], rows,
            r => [r.Title, r.ProcessTitle, r.DueAt?.ToString("yyyy-MM-dd"), r.Overdue ? "Yes" : "No"]), Csv.ContentType, "tasks.csv");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var task = await Mine().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (task is null) return NotFound(); // not theirs, or already done
        var result = await runtime.FireAsync(task.InstanceId, task.Trigger, ProcessAccess.ActorOf(User), ct: ct);
        switch (result.Outcome)
        {
            case FireOutcome.Fired:
                TempData["StatusMessage"] = $"Done: {task.Title}.";
                return Redirect("/tasks");
            case FireOutcome.NotAllowed:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                TempData["StatusMessage"] = result.Message ?? "That could not be done. Try again.";
                return Redirect($"/processes/{task.InstanceId}");
        }
    }

    /// <summary>Open items for the user by name, or for one of their roles in their authority.</summary>
    private IQueryable<Domain.Workflows.WorkItem> Mine()
    {
        var authority = User.AuthorityIdOf();
        var roles = Roles.All.Where(User.IsInRole).ToList();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return db.WorkItems.AsNoTracking().Where(w => w.ClosedAt == null &&
            ((w.UserId != null && w.UserId == userId) ||
             (w.UserId == null && w.Role != null && roles.Contains(w.Role) && w.AuthorityId != null && w.AuthorityId == authority)));
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Domain.Workflows.WorkItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from w in items
                          join i in db.WorkflowInstances.AsNoTracking() on w.InstanceId equals i.Id
                          select new { w.Id, w.InstanceId, w.Title, ProcessTitle = i.Title, w.DueAt }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.InstanceId, r.Title, r.ProcessTitle, r.DueAt, r.DueAt < now)).ToList();
    }
}
