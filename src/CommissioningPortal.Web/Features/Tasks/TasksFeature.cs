using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Tasks;

/// <summary>The authority's inbox of work items raised by running processes (<c>/tasks</c>).</summary>
public static class TasksFeature
{
    public static WebApplicationBuilder AddTasksFeature(this WebApplicationBuilder builder) =>
        builder.AddNavigation(new NavigationItem("/tasks", "Your tasks", 31) { Roles = Roles.AuthorityStaff });
}
