using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

/// <summary>The process pages: taking a step over HTTP, the definitions and the diagrams.</summary>
public abstract class ProcessPageTests(PortalFactory portal) : PortalTestBase(portal)
{
    private async Task<(Guid Id, string Title)> DraftTenderAsync()
    {
        var title = $"Tender {Guid.NewGuid():N}"[..15];
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
        var instance = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("tender", title, glenmore.Id,
            new Dictionary<string, object?> { ["closingDate"] = Portal.Clock.GetUtcNow().AddDays(30) }, WorkflowActor.System, Ct);
        return (instance.Id, title);
    }

    private Task<(string State, int History)> StateOfAsync(Guid id) => Portal.WithDbAsync(async db =>
        (await db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync(Ct), await db.WorkflowHistory.CountAsync(h => h.InstanceId == id, Ct)));

    [Fact]
    public async Task A_role_that_may_not_take_a_step_gets_403_and_nothing_changes()
    {
        var (id, _) = await DraftTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreFinance);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("input[name=Trigger]")); // offered nothing it may not do

        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/processes/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Trigger"] = "publish",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(("draft", 0), await StateOfAsync(id));
    }

    [Fact]
    public async Task A_step_that_needs_reasons_is_refused_without_them_keeping_the_choice_then_taken_with_them()
    {
        var (id, _) = await DraftTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Contains("Choose the next step", page.Text);

        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Trigger"] = "cancel", ["Comment"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Give your reasons", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.NotNull(refused.Document.QuerySelector("input#Trigger-cancel[checked]"));
        Assert.Equal(("draft", 0), await StateOfAsync(id));

        var done = await client.SubmitAsync(refused, new Dictionary<string, string> { ["Trigger"] = "cancel", ["Comment"] = "The budget was withdrawn" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await client.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("It is now at: Cancelled", after.Text);
        Assert.Contains("The budget was withdrawn", after.Text);
        Assert.Equal(("cancelled", 1), await StateOfAsync(id));
    }

    [Fact]
    public async Task A_step_taken_on_a_stale_page_is_refused_with_409()
    {
        var (id, _) = await DraftTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var stale = await client.GetPageAsync($"/processes/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(stale, new Dictionary<string, string> { ["Trigger"] = "publish" })).StatusCode);

        var again = await PortalClient.Page.ReadAsync(await client.SubmitAsync(stale, new Dictionary<string, string> { ["Trigger"] = "publish" }));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("Someone else moved this on", again.Text);
        Assert.Equal(("published", 1), await StateOfAsync(id));
    }

    [Fact]
    public async Task Every_definition_has_a_page_with_its_diagram_and_steps_and_the_instance_diagram_highlights_where_it_is()
    {
        var (id, title) = await DraftTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var index = await client.GetPageAsync("/processes");
        Assert.Contains(title, index.Text);
        var links = index.Document.QuerySelectorAll("a[href^='/processes/definitions/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(9, links.Count);
        foreach (var link in links)
        {
            var page = await client.GetPageAsync(link);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.StartsWith("stateDiagram-v2", page.Document.QuerySelector(".portal-diagram__source")!.TextContent.Trim());
            Assert.NotEmpty(page.Document.QuerySelectorAll("table tbody tr"));
        }

        var response = await client.GetAsync($"/processes/{id}");
        Assert.Contains("style-src 'self' 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        var instance = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("class s0 current", instance.Document.QuerySelector(".portal-diagram__source")!.TextContent); // draft is the first stage
        Assert.DoesNotContain("unsafe-inline", (await client.GetAsync("/tasks")).Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_running_processes_download_as_csv_and_other_authorities_see_none_of_them()
    {
        var (_, title) = await DraftTenderAsync();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var csv = await client.GetAsync("/processes/export?Process=tender");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, await csv.Content.ReadAsStringAsync(Ct));

        using var ardbrae = NewClient();
        await ardbrae.SignInAsync(DemoUsers.ArdbraeCommissioner);
        Assert.DoesNotContain(title, (await ardbrae.GetPageAsync("/processes?ShowFinished=true")).Text);
        Assert.DoesNotContain(title, await (await ardbrae.GetAsync("/processes/export")).Content.ReadAsStringAsync(Ct));
    }
}

public sealed class ProcessPagesOnSqlite(SqlitePortal portal) : ProcessPageTests(portal);

public sealed class ProcessPagesOnPostgres(PostgresPortal portal) : ProcessPageTests(portal);
