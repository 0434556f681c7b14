namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// A background loop that runs a round, then waits. A failed round is logged and tried again;
/// stopping the host ends it. The wait is wall-clock scheduling; what is due is decided by the
/// round itself with the portal's <see cref="TimeProvider"/>.
/// </summary>
public abstract class PollingService(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Service} round failed; will try again", GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>Work a feature runs on a schedule: everything due at <paramref name="now"/> (on the portal's clock), once however many nodes run it.</summary>
public interface IScheduledWork
{
    Task<int> HandleAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>Runs <typeparamref name="T"/> in a scope of its own every <see cref="Interval"/>.</summary>
public sealed class ScheduledWorkService<T>(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan interval, ILogger<ScheduledWorkService<T>> logger)
    : PollingService(logger) where T : IScheduledWork
{
    protected override TimeSpan Interval => interval;

    protected override async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<T>().HandleAsync(clock.GetUtcNow(), ct);
    }
}

public static class ScheduledWork
{
    /// <summary>Registers <typeparamref name="T"/> (scoped) and a background service that runs it every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddScheduledWork<T>(this IServiceCollection services, TimeSpan interval, bool enabled) where T : class, IScheduledWork
    {
        services.AddScoped<T>();
        if (enabled)
        {
            services.AddHostedService(sp => new ScheduledWorkService<T>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), interval,
                sp.GetRequiredService<ILogger<ScheduledWorkService<T>>>()));
        }
        return services;
    }
}
