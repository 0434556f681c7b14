using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Workflows;
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
