using CommissioningPortal.Data.Workflows;
using CommissioningPortal.Workflows;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>The process engine as the portal uses it: EF Core storage, Identity for roles, the e-mail outbox, the portal's guards.</summary>
public static class WorkflowRegistration
{
    public static WebApplicationBuilder AddPortalWorkflows(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddWorkflows(o =>
        {
            o.DefinitionsFolder = configuration["Workflows:DefinitionsFolder"] is { Length: > 0 } folder
                ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
                : Path.Combine(AppContext.BaseDirectory, "workflow-definitions");
            o.TimersEnabled = configuration.GetValue("Workflows:TimersEnabled", true);
            o.PollInterval = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Workflows:PollSeconds", 5.0)));
            o.UseStore<EfWorkflowStore>()
                .UseRoleDirectory<EfWorkflowRoleDirectory>()
                .UseNotifier<OutboxWorkflowNotifier>()
                .AddGuard<Partnerships.UnanimousGuard>()
                .AddGuard<Partnerships.EvidenceRecordedGuard>()
                .AddGuard<OffFrameworkApprovals.ChecksPassedGuard>()
                .AddGuard<Agreements.NeverInForceGuard>()
                .AddGuard<Agreements.InForceGuard>()
                .AddGuard<Agreements.WithinDelegatedAuthorityGuard>()
                .AddHandler<Agreements.AcceptanceRecordedHandler>()
                .AddHandler<Evaluation.StandstillEndedHandler>();
        });
        builder.Services.AddScoped<ProcessParticipation>();
        return builder;
    }
}

/// <summary>The engine's notifications go through the portal's e-mail outbox, in the firing's unit of work.</summary>
internal sealed class OutboxWorkflowNotifier(Email.IEmailOutbox outbox, PublicLinks links) : IWorkflowNotifier
{
    public ValueTask NotifyAsync(WorkflowNotification n, CancellationToken ct)
    {
        outbox.Enqueue(new Email.EmailMessage(n.To.Email, n.To.Name, n.Subject, $"{n.Body}\n\n{links.To($"/processes/{n.InstanceId}")}", null, n.Kind));
        return ValueTask.CompletedTask;
    }
}
