using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

/// <summary>
/// The generic process page never offers nor takes a step a feature owns; pages offer only what the
/// engine offers the user; everyone a definition names can see the processes they take part in.
/// </summary>
public abstract class OwnedStepTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static WorkflowActor As(string role) => new($"a {role}", [role]);

    private async Task<Guid> StartAsync(string definition, Dictionary<string, object?>? variables, params (string Trigger, string Role, string? Comment)[] steps)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
        var instance = await runtime.StartAsync(definition, $"{definition} {Guid.NewGuid():N}"[..30], glenmore.Id,
            StartVariables.For(runtime.Definitions.Latest(definition), Portal.Clock.GetUtcNow(), variables), WorkflowActor.System, Ct);
        foreach (var (trigger, role, comment) in steps)
        {
            Assert.Equal(FireOutcome.Fired, (await runtime.FireAsync(instance.Id, trigger, As(role), comment, ct: Ct)).Outcome);
        }
        return instance.Id;
    }

    private Task<(string State, int History)> StateOfAsync(Guid id) => Portal.WithDbAsync(async db =>
        (await db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync(Ct), await db.WorkflowHistory.CountAsync(h => h.InstanceId == id, Ct)));

    /// <summary>Refused the way the portal refuses a signed-in user: sent to the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Authorising_an_agreement_on_the_process_page_is_refused_and_it_does_not_become_active()
    {
        // Offered and accepted by the person and the provider through the agreements feature (the engine alone cannot: no acceptance).
        Guid agreementId;
        using (var practitioner = NewClient())
        {
            await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
            var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
            var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), Agreements.AgreementFlowTests.Form("Iona Fraser", provider));
            agreementId = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        }
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider })
        {
            using var accepting = NewClient();
            await accepting.SignInAsync(party);
            await Agreements.AgreementFlowTests.AcceptAsync(accepting, agreementId);
        }
        var id = await Portal.WithDbAsync(db => db.IsfAgreements.Where(a => a.Id == agreementId).Select(a => a.WorkflowInstanceId).SingleAsync(Ct));
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("input[name=Trigger]")); // authorise is the agreements page's
        Assert.Contains("authorise", page.Document.QuerySelector("#owned-steps")!.TextContent);

        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/processes/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Trigger"] = "authorise",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("taken on its own page", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("accepted-by-provider", 3), await StateOfAsync(id)); // offer, two acceptances: no authorise
    }

    [Fact]
    public async Task A_commissioner_is_not_given_the_new_agreement_form_the_definition_does_not_let_them_offer()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        AssertRefused(await client.GetAsync("/agreements/new"));
        var list = await client.GetPageAsync("/agreements");
        Assert.Null(list.Document.QuerySelector("a[href='/agreements/new']"));

        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        Assert.NotNull((await practitioner.GetPageAsync("/agreements")).Document.QuerySelector("a[href='/agreements/new']"));
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetPageAsync("/agreements/new")).Status);
    }

    [Fact]
    public async Task A_panel_member_sees_the_tender_and_is_offered_only_their_step()
    {
        var id = await StartAsync("tender", new() { ["closingDate"] = Portal.Clock.GetUtcNow().AddDays(30) },
            ("publish", Roles.Commissioner, null), ("close", Roles.Commissioner, null), ("open-responses", Roles.Commissioner, null), ("start-evaluation", Roles.Commissioner, null));
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.Panel);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["complete-evaluation"], page.Document.QuerySelectorAll("input[name=Trigger]").Select(i => i.GetAttribute("value")!).ToArray());
        Assert.Null(page.Document.QuerySelector("textarea[name=Comment]")); // no step here needs reasons
        var done = await client.SubmitAsync(page, new Dictionary<string, string> { ["Trigger"] = "complete-evaluation" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(("moderation", 5), await StateOfAsync(id));
    }

    [Fact]
    public async Task The_provider_an_off_framework_approval_is_about_can_see_it_and_another_provider_cannot()
    {
        var id = await StartAsync("off-framework-approval", null);
        var provider = await Portal.WithDbAsync(db => db.Providers.AsNoTracking().SingleAsync(p => p.Name == "Bright Steps Care", Ct));
        await Portal.WithDbAsync(async db => { db.OffFrameworkApprovals.Add(new OffFrameworkApproval(id, provider.Id, provider.Kind, Portal.Clock.GetUtcNow())); await db.SaveChangesAsync(Ct); });
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.Provider);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("input[name=Trigger]"));

        var other = await StartAsync("off-framework-approval", null);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/processes/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_commissioner_starts_any_process_their_role_starts_but_not_an_agreement_from_the_start_page()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var list = await client.GetPageAsync("/processes/start");
        var offered = list.Document.QuerySelectorAll("main a[href^='/processes/start/']").Select(a => a.GetAttribute("href")!).Order().ToArray();
        Assert.Equal(["/processes/start/alliance", "/processes/start/call-off", "/processes/start/flexible-framework", "/processes/start/off-framework-approval",
            "/processes/start/public-social-partnership", "/processes/start/tender"], offered);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/processes/start/isf-agreement")).StatusCode);

        var form = await client.GetPageAsync("/processes/start/tender");
        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Day services, Glenmore", ["Values[closingDate]"] = "next week" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("closing date as a date", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("next week", refused.Document.QuerySelector("input#Values_closingDate_")!.GetAttribute("value"));

        var started = await client.SubmitAsync(refused, new Dictionary<string, string> { ["Title"] = "Day services, Glenmore", ["Values[closingDate]"] = "2027-03-31" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = await client.GetPageAsync(started.Headers.Location!.OriginalString);
        Assert.Contains("Day services, Glenmore", page.Document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("input#Trigger-publish"));

        using var finance = NewClient();
        await finance.SignInAsync(DemoUsers.GlenmoreFinance);
        AssertRefused(await finance.GetAsync("/processes/start"));
    }
}

public sealed class OwnedStepsOnSqlite(SqlitePortal portal) : OwnedStepTests(portal);

public sealed class OwnedStepsOnPostgres(PostgresPortal portal) : OwnedStepTests(portal);
