using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// Running processes (<c>/processes</c>): the definitions in <c>workflow-definitions/</c>, the runtime that
/// fires them, and the timer service. An invalid definition stops start-up here, naming the file and the reason.
/// </summary>
public static class ProcessesFeature
{
    public static WebApplicationBuilder AddProcessesFeature(this WebApplicationBuilder builder)
    {
        var definitions = builder.Configuration["Workflows:DefinitionsFolder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "workflow-definitions");
        builder.Services.AddSingleton(WorkflowDefinitionRegistry.LoadFrom(definitions));
        builder.Services.AddScoped<WorkflowRuntime>();
        builder.Services.AddSingleton<WorkflowTimerDispatcher>();
        if (builder.Configuration.GetValue("Workflows:TimersEnabled", true)) builder.Services.AddHostedService<WorkflowTimerService>();
        return builder.AddNavigation(new NavigationItem("/processes", "Processes", 32) { Roles = [.. Roles.AuthorityStaff, Roles.Administrator] });
    }
}
