using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>The processes the portal runs, and the running ones of the user's authority (all of them for administrators).</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, WorkflowDefinitionRegistry definitions, Workflows.Runtime.WorkflowRuntime runtime) : PageModel
{
    /// <summary>Whether the user's roles may start any process from the "Start a process" page.</summary>
    public bool MayStartAny => runtime.StartableBy(ProcessAccess.ActorOf(User)).Count > 0;

    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Title, string Process, string Stage, DateTimeOffset StartedAt, bool Finished);

    public IReadOnlyList<WorkflowDefinition> Definitions { get; private set; } = [];
    public IReadOnlyList<Row> Instances { get; private set; } = [];
    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Process { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowFinished { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ProcessAccess.MaySeeProcesses(User)) return Forbid();
        Definitions = definitions.All.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Title).ToList();
        var query = Query();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Instances = Describe(await query.OrderByDescending(i => i.StartedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!ProcessAccess.MaySeeProcesses(User)) return Forbid();
        var rows = Describe(await Query().OrderByDescending(i => i.StartedAt).ToListAsync(ct));
        return File(Csv.Bytes(["Title", "Process", "Stage", "Started", "Finished"], rows,
            r => [r.Title, r.Process, r.Stage, r.StartedAt.ToString("yyyy-MM-dd HH:mm"), r.Finished ? "Yes" : "No"]), Csv.ContentType, "processes.csv");
    }

    private IQueryable<Domain.Workflows.WorkflowInstance> Query()
    {
        var query = db.WorkflowInstances.AsNoTracking();
        if (!User.IsInRole(Roles.Administrator))
        {
            var authority = User.AuthorityIdOf();
            query = query.Where(i => i.AuthorityId != null && i.AuthorityId == authority);
        }
        if (!string.IsNullOrEmpty(Process)) query = query.Where(i => i.DefinitionId == Process);
        if (!ShowFinished) query = query.Where(i => i.CompletedAt == null);
        return query;
    }

    private List<Row> Describe(List<Domain.Workflows.WorkflowInstance> instances) => instances.Select(i =>
    {
        var d = definitions.Get(i.DefinitionId, i.DefinitionVersion);
        return new Row(i.Id, i.Title, d.Title, d.State(i.State)?.Title ?? i.State, i.StartedAt, i.CompletedAt is not null);
    }).ToList();
}
