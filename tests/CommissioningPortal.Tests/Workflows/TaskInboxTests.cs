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
        // The portal's own timer service may claim the timer first (a leased claim): then it fires it, not us. Wait for either.
        var dispatcher = new WorkflowTimerDispatcher(Portal.Services.GetRequiredService<IServiceScopeFactory>(), Portal.Clock, NullLogger<WorkflowTimerDispatcher>.Instance);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await dispatcher.FireDueAsync(Ct);
            if (await Portal.WithDbAsync(db => db.WorkflowInstances.AnyAsync(i => i.Id == id && i.State == "closed", Ct))) break;
            await Task.Delay(100, Ct);
        }
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

/// <summary>Order and paging, on a portal of its own so no other test's tasks are in the inbox.</summary>
public sealed class TaskInboxOrderTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Overdue_items_come_first_then_by_due_date_then_undated_a_page_of_fifty_at_a_time()
    {
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            var instance = new CommissioningPortal.Domain.Workflows.WorkflowInstance
            {
                DefinitionId = "alliance", DefinitionVersion = 1, State = "expression-of-interest", Title = "Inbox order", AuthorityId = glenmore.Id, StartedAt = now,
            };
            db.WorkflowInstances.Add(instance);
            CommissioningPortal.Domain.Workflows.WorkItem Item(string title, DateTimeOffset? due, int minutes) => new()
            {
                InstanceId = instance.Id, Title = title, Role = Roles.Commissioner, AuthorityId = glenmore.Id, State = "expression-of-interest",
                Trigger = "select", CreatedAt = now.AddMinutes(minutes), DueAt = due,
            };
            db.WorkItems.Add(Item("Undated, older", null, -10));
            db.WorkItems.Add(Item("Undated, newer", null, -5));
            for (var i = 0; i < 50; i++) db.WorkItems.Add(Item($"Due in {i + 2} days", now.AddDays(i + 2), i));
            db.WorkItems.Add(Item("Overdue by a day", now.AddDays(-1), 0));
            db.WorkItems.Add(Item("Closed long ago", now.AddDays(-9), 0)).Entity.ClosedAt = now;
            await db.SaveChangesAsync(Ct);
        });

        using var client = new PortalClient(_portal);
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var first = await client.GetPageAsync("/tasks");
        Assert.Contains("53 open tasks, 1 overdue", first.Text);
        var titles = first.Document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(50, titles.Count);
        Assert.Equal(["Overdue by a day", "Due in 2 days", "Due in 3 days"], titles.Take(3));
        Assert.Contains("Page 1 of 2", first.Text);

        var second = await client.GetPageAsync("/tasks?p=2");
        Assert.Equal(["Due in 51 days", "Undated, older", "Undated, newer"],
            second.Document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("Closed long ago", first.Text + second.Text);

        var csv = await (await client.GetAsync("/tasks?handler=export")).Content.ReadAsStringAsync(Ct);
        Assert.Equal(54, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 53
    }
}
