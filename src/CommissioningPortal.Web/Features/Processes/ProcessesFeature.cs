using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// Running processes (<c>/processes</c>): the definitions in <c>workflow-definitions/</c>, the runtime that
/// fires them, and the timer service. An invalid definition stops start-up here, naming the file and the reason.
/// </summary>
public static class ProcessesFeature
{
    public static WebApplicationBuilder AddProcessesFeature(this WebApplicationBuilder builder)
    {
        // The process engine (definitions, runtime, timers, guards): an invalid file stops start-up, naming it.
        WorkflowRegistration.AddPortalWorkflows(builder);
        builder.Services.AddSingleton<FeaturePages>();
        return builder.AddNavigation(new NavigationItem("/processes", "Processes", 32) { Roles = [.. Roles.AuthorityStaff, Roles.Administrator] });
    }
}
