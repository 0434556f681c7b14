using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommissioningPortal.Workflows;

/// <summary>How the host configures the engine in <see cref="WorkflowServiceCollectionExtensions.AddWorkflows"/>.</summary>
public sealed class WorkflowOptions
{
    internal Type? Store { get; private set; }
    internal Type? RoleDirectory { get; private set; }
    internal Type? Notifier { get; private set; }
    internal List<Type> Guards { get; } = [];
    internal List<Type> Handlers { get; } = [];

    /// <summary>The folder of <c>&lt;id&gt;.v&lt;version&gt;.json</c> files (required).</summary>
    public string DefinitionsFolder { get; set; } = "";

    /// <summary>Whether the background service fires due timers.</summary>
    public bool TimersEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public WorkflowOptions UseStore<T>() where T : class, IWorkflowStore { Store = typeof(T); return this; }

    public WorkflowOptions UseRoleDirectory<T>() where T : class, IWorkflowRoleDirectory { RoleDirectory = typeof(T); return this; }

    public WorkflowOptions UseNotifier<T>() where T : class, IWorkflowNotifier { Notifier = typeof(T); return this; }

    /// <summary>A named guard (scoped: it may read the host's unit of work).</summary>
    public WorkflowOptions AddGuard<T>() where T : class, IWorkflowGuard { Guards.Add(typeof(T)); return this; }

    /// <summary>A named action handler (scoped).</summary>
    public WorkflowOptions AddHandler<T>() where T : class, IWorkflowActionHandler { Handlers.Add(typeof(T)); return this; }
}

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: the definitions (loaded and validated now), the runtime, the timer
    /// dispatcher and its background service, the guards and handlers, and a start-up check that
    /// every guard and handler a definition names is registered.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowOptions> configure)
    {
        var options = new WorkflowOptions();
        configure(options);
        if (options.Store is null) throw new InvalidOperationException("AddWorkflows needs a store: call UseStore<T>().");
        services.AddSingleton(options);
        services.AddSingleton(WorkflowDefinitionRegistry.LoadFrom(options.DefinitionsFolder));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(typeof(IWorkflowStore), options.Store);
        if (options.RoleDirectory is not null) services.AddScoped(typeof(IWorkflowRoleDirectory), options.RoleDirectory);
        if (options.Notifier is not null) services.AddScoped(typeof(IWorkflowNotifier), options.Notifier);
        foreach (var guard in options.Guards) services.AddScoped(typeof(IWorkflowGuard), guard);
        foreach (var handler in options.Handlers) services.AddScoped(typeof(IWorkflowActionHandler), handler);
        services.AddScoped(sp => new WorkflowRuntime(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<WorkflowDefinitionRegistry>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<IWorkflowRoleDirectory>(), sp.GetService<IWorkflowNotifier>(),
            sp.GetServices<IWorkflowGuard>(), sp.GetServices<IWorkflowActionHandler>()));
        services.AddSingleton<WorkflowTimerDispatcher>();
        services.AddHostedService<WorkflowStartupCheck>();
        if (options.TimersEnabled) services.AddHostedService<WorkflowTimerService>();
        return services;
    }
}

/// <summary>
/// Stops start-up when a definition names a guard or handler nobody registered, naming the file
/// and the name.
/// </summary>
public sealed class WorkflowStartupCheck(IServiceScopeFactory scopes, WorkflowDefinitionRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        Check(scope.ServiceProvider, registry);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Check(IServiceProvider services, WorkflowDefinitionRegistry registry)
    {
        var guards = services.GetServices<IWorkflowGuard>().Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (definition, guard) in WorkflowRuntime.GuardsUsedBy(registry.All))
        {
            if (!guards.Contains(guard)) throw new WorkflowDefinitionException(definition.FileName, $"it names guard '{guard}', which no registered guard provides");
        }
        var handlers = services.GetServices<IWorkflowActionHandler>().Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (definition, handler) in WorkflowRuntime.HandlersCalledBy(registry.All))
        {
            if (!handlers.Contains(handler)) throw new WorkflowDefinitionException(definition.FileName, $"it calls '{handler}', which no registered handler provides");
        }
    }
}

/// <summary>Fires due workflow timers in the background; a failed round is logged and tried again.</summary>
internal sealed class WorkflowTimerService(WorkflowTimerDispatcher dispatcher, WorkflowOptions options, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.FireDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Workflow timer round failed; will try again");
            }
            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
