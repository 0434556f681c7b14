using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>Who may see a process, and the signed-in user as someone who fires its triggers.</summary>
public static class ProcessAccess
{
    /// <summary>Administrators, and staff of the authority that runs the process.</summary>
    public static bool MaySee(ClaimsPrincipal user, WorkflowInstance instance) =>
        user.IsInRole(Roles.Administrator) ||
        (Roles.AuthorityStaff.Any(user.IsInRole) && instance.AuthorityId is { } authority && authority == user.AuthorityIdOf());

    public static bool MaySeeProcesses(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || Roles.AuthorityStaff.Any(user.IsInRole);

    public static WorkflowActor ActorOf(ClaimsPrincipal user) =>
        new(user.DisplayNameOf(), Roles.All.Where(user.IsInRole).ToList(), user.FindFirstValue(ClaimTypes.NameIdentifier));
}

/// <summary>
/// Everyone taking part in a process may see it: staff of its authority and administrators; anyone
/// of its authority holding a role the definition names (a lived-experience panel member on a
/// tender); the parties of the agreement it runs; the members of the alliance; the provider an
/// off-framework approval is about.
/// </summary>
public sealed class ProcessParticipation(PortalDbContext db, WorkflowDefinitionRegistry definitions)
{
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, WorkflowInstance instance, CancellationToken ct)
    {
        if (ProcessAccess.MaySee(user, instance)) return true;
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var roles = definition.RolesNamed;
        if (instance.AuthorityId is { } authority && authority == user.AuthorityIdOf() && roles.Any(user.IsInRole)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var providerId = user.IsInRole(Roles.ProviderUser) ? user.ProviderIdOf() : null;
        if (await db.IsfAgreements.AsNoTracking().Where(a => a.WorkflowInstanceId == instance.Id)
                .Join(db.SupportedPeople, a => a.SupportedPersonId, p => p.Id, (a, p) => new { a.ProviderId, p.UserId, p.RepresentativeUserId })
                .AnyAsync(x => (providerId != null && x.ProviderId == providerId) || (userId != null && (x.UserId == userId || x.RepresentativeUserId == userId)), ct))
        {
            return true;
        }
        if (userId is not null && await db.AllianceMembers.AnyAsync(m => m.AllianceInstanceId == instance.Id && m.UserId == userId && m.LeftAt == null, ct)) return true;
        return providerId is not null && await db.OffFrameworkApprovals.AnyAsync(a => a.InstanceId == instance.Id && a.ProviderId == providerId, ct);
    }
}
