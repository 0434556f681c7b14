using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// One process instance: its diagram with the current stage highlighted, what the user can do next
/// (exactly what the engine offers them, less the steps a feature owns), the stages in words and the
/// history. Everyone taking part may see it (<see cref="ProcessParticipation"/>).
/// </summary>
[Authorize, DrawsDiagrams]
public sealed class InstanceModel(PortalDbContext db, WorkflowDefinitionRegistry definitions, WorkflowRuntime runtime, ProcessParticipation participation, FeaturePages featurePages) : PageModel
{
    public WorkflowInstance Instance { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<WorkItem> OpenTasks { get; private set; } = [];

    /// <summary>Steps the user may take here now.</summary>
    public IReadOnlyList<AvailableTransition> NextSteps { get; private set; } = [];

    /// <summary>Steps the user's role could take but a rule of the process blocks now, with the reason.</summary>
    public IReadOnlyList<AvailableTransition> BlockedSteps { get; private set; } = [];

    /// <summary>Steps the user takes on a feature's own page (e.g. accepting an agreement), not here.</summary>
    public IReadOnlyList<AvailableTransition> OwnedSteps { get; private set; } = [];

    /// <summary>The page of the feature that owns this process's steps, when one is registered.</summary>
    public string? FeaturePage => featurePages.For(Instance.BusinessKey);

    public bool AnyNeedsComment => NextSteps.Any(s => s.CommentRequired);

    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int? SeenVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>
    /// Fires a trigger: 403 for a role that may not or a step a feature owns, 400 when a comment is
    /// missing, 409 when a rule blocks it (with the rule's reason) or it no longer applies.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound(); // a process you take no part in does not exist for you
        if (string.IsNullOrWhiteSpace(Trigger)) return await ErrorAsync(id, StatusCodes.Status400BadRequest, nameof(Trigger), "Choose what should happen next.", ct);
        if (Definition.Transitions.Any(t => t.Trigger == Trigger && t.OwnedBy is not null))
        {
            // Owned steps carry data and rules only their feature's use case supplies (an acceptance, a signed PDF).
            return await ErrorAsync(id, StatusCodes.Status403Forbidden, nameof(Trigger), "That step is taken on its own page, not here. Nothing was changed.", ct);
        }

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
            case FireOutcome.Blocked:
                return await ErrorAsync(id, StatusCodes.Status409Conflict, nameof(Trigger), $"That cannot happen yet. {result.Message} Nothing was changed.", ct);
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
        if (instance is null || !await participation.MaySeeAsync(User, instance, ct)) return false;
        Instance = instance;
        Definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        History = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        OpenTasks = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == id && w.ClosedAt == null).ToListAsync(ct);
        var available = await runtime.AvailableTransitionsAsync(instance, ProcessAccess.ActorOf(User), ct);
        OwnedSteps = available.Where(s => s.FeatureOwned).ToList();
        NextSteps = available.Where(s => !s.FeatureOwned && s.CanFire).ToList();
        BlockedSteps = available.Where(s => !s.FeatureOwned && s.Blocked).ToList();
        return true;
    }
}
