using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Fires due workflow timers in the background.</summary>
internal sealed class WorkflowTimerService(WorkflowTimerDispatcher dispatcher, IConfiguration configuration, ILogger<WorkflowTimerService> logger)
    : PollingService(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Workflows:PollSeconds", 5.0)));

    protected override Task RoundAsync(CancellationToken ct) => dispatcher.FireDueAsync(ct);
}
