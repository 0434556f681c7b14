using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

public abstract class TaskInboxTests(PortalFactory portal) : PortalTestBase(portal)
{
    /// <summary>A Glenmore tender whose closing date has passed: the commissioners have "Open the sealed responses".</summary>
    private async Task<(Guid Instance, string Title)> ClosedTenderAsync()
    {
        var title = $"Tender {Guid.NewGuid():N}"[..15];
        Guid id;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            var commissioner = new WorkflowActor("Fiona", [Roles.Commissioner]);
            id = (await runtime.StartAsync("tender", title, glenmore.Id,
                new Dictionary<string, object?> { ["closingDate"] = Portal.Clock.GetUtcNow().AddMinutes(-1) }, commissioner, Ct)).Id;
            await runtime.FireAsync(id, "publish", commissioner, ct: Ct);
        }
        await new WorkflowTimerDispatcher(Portal.Services.GetRequiredService<IServiceScopeFactory>(), Portal.Clock, NullLogger<WorkflowTimerDispatcher>.Instance)
            .FireDueAsync(Ct);
        return (id, title);
    }

    [Fact]
    public async Task A_commissioner_sees_the_task_when_a_tender_closes_completes_it_and_the_process_moves_on()
    {
        var (id, title) = await ClosedTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);

        var inbox = await client.GetPageAsync("/tasks");
        var row = inbox.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("Open the sealed responses", row.TextContent);

        var action = row.QuerySelector("form")!.GetAttribute("action");
        var done = await client.SubmitAsync(inbox, new Dictionary<string, string>(), $"form[action='{action}']");
        Assert.Equal("/tasks", done.Headers.Location?.OriginalString);

        var process = await client.GetPageAsync($"/processes/{id}");
        Assert.Contains("Now: Sealed responses opened", process.Text);
        Assert.Contains("open-responses", process.Text);
        Assert.DoesNotContain(title, (await client.GetPageAsync("/tasks")).Text);
    }

    [Theory]
    [InlineData(DemoUsers.ArdbraeCommissioner)]
    [InlineData(DemoUsers.GlenmorePractitioner)]
    public async Task Other_authorities_and_other_roles_can_neither_see_nor_complete_the_task(string email)
    {
        var (id, title) = await ClosedTenderAsync();
        var taskId = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.InstanceId == id && w.ClosedAt == null).Select(w => w.Id).SingleAsync(Ct));

        using var client = NewClient();
        await client.SignInAsync(email);
        var inbox = await client.GetPageAsync("/tasks");
        Assert.DoesNotContain(title, inbox.Text);

        // A hand-made POST with this user's own valid antiforgery token changes nothing.
        var token = inbox.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/tasks/{taskId}/complete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        Assert.Equal("closed", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync(Ct)));
        Assert.True(await Portal.WithDbAsync(db => db.WorkItems.AnyAsync(w => w.Id == taskId && w.ClosedAt == null, Ct)));
        if (email == DemoUsers.ArdbraeCommissioner)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/processes/{id}")).Status);
        }
    }
}

public sealed class TaskInboxOnSqlite(SqlitePortal portal) : TaskInboxTests(portal);

public sealed class TaskInboxOnPostgres(PostgresPortal portal) : TaskInboxTests(portal);
