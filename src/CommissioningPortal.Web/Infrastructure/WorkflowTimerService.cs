using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Runs timer rounds in the background (wall-clock polling; due-ness uses the portal's clock).</summary>
internal sealed class WorkflowTimerService(WorkflowTimerDispatcher dispatcher, IConfiguration configuration, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Workflows:PollSeconds", 5.0)));
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
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
