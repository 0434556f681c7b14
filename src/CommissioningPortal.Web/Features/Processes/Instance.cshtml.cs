using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// One process instance: its diagram with the current stage highlighted, what can happen next
/// (for the roles the user holds), the stages in words and the history. Staff of its authority only.
/// </summary>
[Authorize, DrawsDiagrams]
public sealed class InstanceModel(PortalDbContext db, WorkflowDefinitionRegistry definitions, WorkflowRuntime runtime) : PageModel
{
    public WorkflowInstance Instance { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<WorkItem> OpenTasks { get; private set; } = [];

    /// <summary>Transitions from the current stage that the user's roles may fire.</summary>
    public IReadOnlyList<TransitionDefinition> NextSteps { get; private set; } = [];

    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int? SeenVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Fires a trigger: 403 for a role that may not, 400 when a comment is missing, 409 when it no longer applies.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound(); // another authority's process does not exist for you
        if (string.IsNullOrWhiteSpace(Trigger)) return await ErrorAsync(id, StatusCodes.Status400BadRequest, nameof(Trigger), "Choose what should happen next.", ct);

        var result = await runtime.FireAsync(id, Trigger, ProcessAccess.ActorOf(User), Comment, SeenVersion, ct);
        switch (result.Outcome)
        {
            case FireOutcome.Fired:
                TempData["StatusMessage"] = $"Done. It is now at: {Definition.State(result.State!)?.Title ?? result.State}.";
                return Redirect($"/processes/{id}");
            case FireOutcome.NotAllowed:
                return StatusCode(StatusCodes.Status403Forbidden);
            case FireOutcome.CommentRequired:
                return await ErrorAsync(id, StatusCodes.Status400BadRequest, nameof(Comment), "Give your reasons in the comment box: this step needs them.", ct);
            case FireOutcome.NotFound:
                return NotFound();
            default: // NotPermitted, Conflict
                return await ErrorAsync(id, StatusCodes.Status409Conflict, "", result.Message ?? "That can no longer happen. Nothing was changed.", ct);
        }
    }

    private async Task<IActionResult> ErrorAsync(Guid id, int status, string field, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct); // show the process as it is now, keeping what was typed
        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null || !ProcessAccess.MaySee(User, instance)) return false;
        Instance = instance;
        Definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        History = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        OpenTasks = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == id && w.ClosedAt == null).ToListAsync(ct);
        var roles = ProcessAccess.ActorOf(User).Roles;
        NextSteps = instance.CompletedAt is not null
            ? []
            : Definition.Transitions.Where(t => t.From.Contains(instance.State) && t.Roles.Any(roles.Contains)).ToList();
        return true;
    }
}
