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
