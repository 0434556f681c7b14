using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>One process instance: where it is, its stages and its history. Staff of its authority only.</summary>
[Authorize]
public sealed class InstanceModel(PortalDbContext db, WorkflowDefinitionRegistry definitions) : PageModel
{
    public WorkflowInstance Instance { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowHistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        var maySee = instance is not null &&
                     (User.IsInRole(Roles.Administrator) ||
                      (Roles.AuthorityStaff.Any(User.IsInRole) && instance.AuthorityId is { } a && a == User.AuthorityIdOf()));
        if (instance is null || !maySee) return NotFound(); // another authority's process does not exist for you
        Instance = instance;
        Definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        History = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        return Page();
    }
}
