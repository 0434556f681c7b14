using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Tasks;

/// <summary>The task inbox: open work items for the user's roles in their authority, or for them by name.</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, WorkflowRuntime runtime, TimeProvider clock, FeaturePages featurePages) : PageModel
{
    public const int PageSize = 50;

    /// <param name="FeaturePage">When a feature owns the task's step: the page where it is taken (it cannot be marked done here).</param>
    public sealed record Row(Guid Id, Guid InstanceId, string Title, string ProcessTitle, DateTimeOffset? DueAt, bool Overdue, string? FeaturePage = null);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int OverdueCount { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = await MineAsync(ct);
        // Dated items first (soonest due), then undated: two index-ordered reads instead of sorting every open item.
        var dated = mine.Where(w => w.DueAt != null).OrderBy(w => w.DueAt).ThenBy(w => w.CreatedAt);
        var undated = mine.Where(w => w.DueAt == null).OrderBy(w => w.CreatedAt);
        var datedCount = await dated.CountAsync(ct);
        Total = datedCount + await undated.CountAsync(ct);
        OverdueCount = datedCount == 0 ? 0 : await dated.CountAsync(w => w.DueAt < now, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);

        var skip = (PageNumber - 1) * PageSize;
        var page = skip < datedCount ? await RowsAsync(dated.Skip(skip).Take(PageSize), now, ct) : [];
        if (page.Count < PageSize)
        {
            page.AddRange(await RowsAsync(undated.Skip(Math.Max(0, skip - datedCount)).Take(PageSize - page.Count), now, ct));
        }
        Items = page;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await RowsAsync(await MineAsync(ct), clock.GetUtcNow(), ct);
        return File(Csv.Bytes(["Task", "For", "Due", "Overdue"], rows,
            r => [r.Title, r.ProcessTitle, r.DueAt?.ToString("yyyy-MM-dd"), r.Overdue ? "Yes" : "No"]), Csv.ContentType, "tasks.csv");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var task = await (await MineAsync(ct)).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (task is null) return NotFound(); // not theirs, or already done
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        if (Owned(instance.DefinitionId, instance.DefinitionVersion, task.Trigger))
        {
            // The step carries what only its feature's page collects (an acceptance, a signed PDF): done there, not here.
            return StatusCode(StatusCodes.Status403Forbidden);
        }
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
    private async Task<IQueryable<Domain.Workflows.WorkItem>> MineAsync(CancellationToken ct)
    {
        var authority = User.AuthorityIdOf();
        var roles = Roles.All.Where(User.IsInRole).ToList();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var open = db.WorkItems.AsNoTracking().Where(w => w.ClosedAt == null);
        // Roles inlined as constants (IN ('Commissioner')) so the (AuthorityId, Role, ClosedAt, DueAt) index is used.
        var forRoles = open.Where(w => w.UserId == null && w.AuthorityId != null && w.AuthorityId == authority && EF.Constant(roles).Contains(w.Role!));
        // Items addressed to the user by name are rare: only then pay for the OR.
        return await open.AnyAsync(w => w.UserId == userId, ct)
            ? open.Where(w => w.UserId == userId ||
                              (w.UserId == null && w.AuthorityId != null && w.AuthorityId == authority && EF.Constant(roles).Contains(w.Role!)))
            : forRoles;
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Domain.Workflows.WorkItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from w in items
                          join i in db.WorkflowInstances.AsNoTracking() on w.InstanceId equals i.Id
                          select new { w.Id, w.InstanceId, w.Title, ProcessTitle = i.Title, w.DueAt, w.CreatedAt, w.Trigger, i.DefinitionId, i.DefinitionVersion, i.BusinessKey }).ToListAsync(ct);
        // The join does not keep the paged subquery's order: restore it (a page at most).
        return rows.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.CreatedAt)
            .Select(r => new Row(r.Id, r.InstanceId, r.Title, r.ProcessTitle, r.DueAt, r.DueAt < now,
                Owned(r.DefinitionId, r.DefinitionVersion, r.Trigger) ? featurePages.For(r.BusinessKey) ?? $"/processes/{r.InstanceId}" : null)).ToList();
    }

    private bool Owned(string definitionId, int version, string trigger) =>
        runtime.Definitions.Get(definitionId, version).Transitions.Any(t => t.Trigger == trigger && t.OwnedBy is not null);
}
