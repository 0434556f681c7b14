using System.Security.Claims;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A partnership's workspace as the signed-in person sees it. Only its members (who accepted their
/// invitation) and the commissioners of its authority see it; to anyone else it does not exist (404).
/// </summary>
public sealed record Workspace(Partnership Partnership, WorkflowInstance Instance, WorkflowDefinition Definition, PartnershipMember? Me, bool IsCommissioner, string UserName)
{
    /// <summary>The role a member holds in the process definition (v2): partners, not only the commissioner, propose and decide.</summary>
    public static string MemberRoleOf(PartnershipKind kind) => kind == PartnershipKind.Alliance ? "AllianceMember" : "PartnershipMember";

    public bool IsAlliance => Partnership.Kind == PartnershipKind.Alliance;

    public string StateTitle => Definition.State(Instance.State)?.Title ?? Instance.State;

    /// <summary>The person as someone who fires the process's steps: their portal roles, and the member's role when they are one.</summary>
    public WorkflowActor Actor(ClaimsPrincipal user)
    {
        var roles = Domain.Identity.Roles.All.Where(user.IsInRole).ToList();
        if (Me is not null) roles.Add(MemberRoleOf(Partnership.Kind));
        return new WorkflowActor(UserName, roles, user.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    public string Link(string rest = "") => $"/partnerships/{Partnership.Id}{rest}";
}

public sealed class PartnershipAccess(PortalDbContext db, WorkflowDefinitionRegistry definitions)
{
    /// <summary>The workspace, or null when it does not exist or the person is neither a member nor a commissioner of its authority.</summary>
    public async Task<Workspace?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partnership is null) return null;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var me = userId is null ? null : await db.PartnershipMembers.AsNoTracking().FirstOrDefaultAsync(m => m.PartnershipId == id && m.UserId == userId, ct);
        var commissioner = user.IsInRole(Domain.Identity.Roles.Commissioner) && user.AuthorityIdOf() == partnership.AuthorityId;
        if (me is null && !commissioner) return null;
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == partnership.InstanceId, ct);
        return new Workspace(partnership, instance, definitions.Get(instance.DefinitionId, instance.DefinitionVersion), me, commissioner, user.DisplayNameOf());
    }

    /// <summary>The partnerships the person belongs to, and their authority's when they are its commissioner.</summary>
    public IQueryable<Partnership> VisibleTo(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var authority = user.IsInRole(Domain.Identity.Roles.Commissioner) ? user.AuthorityIdOf() : null;
        return db.Partnerships.AsNoTracking().Where(p => (authority != null && p.AuthorityId == authority) || db.PartnershipMembers.Any(m => m.PartnershipId == p.Id && m.UserId == userId));
    }
}
