using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Partnerships;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

/// <summary>Named guards guard: a blocked step changes nothing and says why, on firing, on listing and on the process page.</summary>
public abstract class GuardTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly WorkflowActor Commissioner = new("commissioner@glenmore.example", [Roles.Commissioner]);

    private async Task<T> InScopeAsync<T>(Func<WorkflowRuntime, PortalDbContext, Task<T>> action)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private Task<Guid> StartAsync(string definition, params (string Trigger, string? Comment)[] steps) => InScopeAsync(async (runtime, db) =>
    {
        var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
        var instance = await runtime.StartAsync(definition, $"{definition} {Guid.NewGuid():N}"[..30], glenmore.Id,
            StartVariables.For(runtime.Definitions.Latest(definition), Portal.Clock.GetUtcNow()), Commissioner, Ct);
        foreach (var (trigger, comment) in steps)
        {
            Assert.Equal(FireOutcome.Fired, (await runtime.FireAsync(instance.Id, trigger, Commissioner, comment, ct: Ct)).Outcome);
        }
        return instance.Id;
    });

    private Task<string> StateOfAsync(Guid id) => Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync(Ct));

    private Task<FireResult> FireAsync(Guid id, string trigger, string? comment = "Agreed at the meeting") =>
        InScopeAsync((runtime, _) => runtime.FireAsync(id, trigger, Commissioner, comment, ct: Ct));

    private Task<AvailableTransition> OfferedAsync(Guid id, string trigger) => InScopeAsync(async (runtime, db) =>
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        return (await runtime.AvailableTransitionsAsync(instance, Commissioner, Ct)).Single(t => t.Trigger == trigger);
    });

    [Fact]
    public async Task An_alliance_decision_with_one_member_objecting_cannot_pass_and_the_page_says_why_until_the_objection_is_withdrawn()
    {
        var id = await StartAsync("alliance", ("close-interest", null), ("select-partners", "Three partners chosen"));
        var now = Portal.Clock.GetUtcNow();
        var (commissioner, provider) = (new AllianceMember(id, "Glenmore Council", null, now), new AllianceMember(id, "Bright Steps", null, now));
        var decision = new AllianceDecision(id, "Sign the alliance agreement", now);
        decision.Agree(commissioner, now);
        decision.Object(provider, "The risk share is not yet agreed", now);
        await Portal.WithDbAsync(async db =>
        {
            db.AllianceMembers.AddRange(commissioner, provider);
            db.AllianceDecisions.Add(decision);
            await db.SaveChangesAsync(Ct);
        });

        var refused = await FireAsync(id, "sign-agreement");
        Assert.Equal(FireOutcome.Blocked, refused.Outcome);
        Assert.Contains("Bright Steps objects: The risk share is not yet agreed", refused.Message);
        Assert.Equal("agreement-drafted", await StateOfAsync(id));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.WorkflowHistory.CountAsync(h => h.InstanceId == id && h.Trigger == "sign-agreement", Ct)));
        var listed = await OfferedAsync(id, "sign-agreement");
        Assert.True(listed.Blocked);
        Assert.Contains("Bright Steps objects", listed.Reason);

        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await client.GetPageAsync($"/processes/{id}");
        Assert.Contains("Bright Steps objects: The risk share is not yet agreed", page.Document.QuerySelector("#blocked-steps")!.TextContent);
        Assert.Null(page.Document.QuerySelector("input#Trigger-sign-agreement")); // not offered as a choice
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await PortalClient.Page.ReadAsync(await client.Http.PostAsync($"/processes/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Trigger"] = "sign-agreement", ["Comment"] = "Signing",
        }), Ct));
        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        Assert.Contains("Bright Steps objects", posted.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("agreement-drafted", await StateOfAsync(id));

        await Portal.WithDbAsync(async db =>
        {
            var tracked = await db.AllianceDecisions.SingleAsync(d => d.Id == decision.Id, Ct);
            tracked.WithdrawObjection(await db.AllianceMembers.SingleAsync(m => m.Id == provider.Id, Ct), Portal.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        });
        Assert.False((await OfferedAsync(id, "sign-agreement")).Blocked);
        Assert.Equal(FireOutcome.Fired, (await FireAsync(id, "sign-agreement")).Outcome);
        Assert.Equal("live", await StateOfAsync(id));
    }

    [Fact]
    public async Task A_member_who_has_not_agreed_yet_blocks_and_one_who_left_does_not()
    {
        var id = await StartAsync("alliance", ("close-interest", null), ("select-partners", "Two partners chosen"));
        var now = Portal.Clock.GetUtcNow();
        var (a, b) = (new AllianceMember(id, "Glenmore Council", null, now), new AllianceMember(id, "Hillside Care", null, now));
        var decision = new AllianceDecision(id, "Sign", now);
        decision.Agree(a, now);
        await Portal.WithDbAsync(async db => { db.AllianceMembers.AddRange(a, b); db.AllianceDecisions.Add(decision); await db.SaveChangesAsync(Ct); });
        var waiting = await FireAsync(id, "sign-agreement");
        Assert.Equal(FireOutcome.Blocked, waiting.Outcome);
        Assert.Contains("waiting for Hillside Care", waiting.Message);

        await Portal.WithDbAsync(async db => { (await db.AllianceMembers.SingleAsync(m => m.Id == b.Id, Ct)).Leave(Portal.Clock.GetUtcNow()); await db.SaveChangesAsync(Ct); });
        Assert.Equal(FireOutcome.Fired, (await FireAsync(id, "sign-agreement")).Outcome);
    }

    [Fact]
    public async Task A_public_social_partnership_gate_without_its_evidence_cannot_pass()
    {
        var id = await StartAsync("public-social-partnership", ("agree-partnership", "Partners agreed"));
        // Version 2 guards the co-design gate too: its plan is recorded first.
        await Portal.WithDbAsync(async db =>
        {
            db.PartnershipEvidence.Add(new PartnershipEvidence(id, "co-design", "co-design-plan", "The co-designed plan", "commissioner", Portal.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(FireOutcome.Fired, (await FireAsync(id, "pass-stage-1-gate", "Design done")).Outcome);
        var refused = await FireAsync(id, "pass-stage-2-gate");
        Assert.Equal(FireOutcome.Blocked, refused.Outcome);
        Assert.Contains("an evaluation of the pilot", refused.Message);
        Assert.Equal("pilot", await StateOfAsync(id));

        await Portal.WithDbAsync(async db =>
        {
            db.PartnershipEvidence.Add(new PartnershipEvidence(id, "pilot", "pilot-evaluation", "Pilot evaluation report", "commissioner", Portal.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        });
        var stillMissing = await FireAsync(id, "pass-stage-2-gate");
        Assert.Equal(FireOutcome.Blocked, stillMissing.Outcome);
        Assert.Contains("outcomes", stillMissing.Message);
        Assert.DoesNotContain("evaluation", stillMissing.Message);

        await Portal.WithDbAsync(async db =>
        {
            db.PartnershipEvidence.Add(new PartnershipEvidence(id, "pilot", "outcomes-report", "Outcomes", "commissioner", Portal.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(FireOutcome.Fired, (await FireAsync(id, "pass-stage-2-gate")).Outcome);
        Assert.Equal("sustainability", await StateOfAsync(id));
    }

    [Fact]
    public async Task An_off_framework_approval_with_a_failed_check_cannot_be_approved()
    {
        var id = await StartAsync("off-framework-approval", ("start-checks", null));
        var provider = await Portal.WithDbAsync(db => db.Providers.AsNoTracking().OrderBy(p => p.Name).FirstAsync(Ct));
        var approval = new OffFrameworkApproval(id, provider.Id, provider.Kind, Portal.Clock.GetUtcNow());
        var required = OffFrameworkApproval.RequiredChecks(provider.Kind);
        foreach (var kind in required) approval.RecordCheck(kind, kind != required[0], kind == required[0] ? "Certificate lapsed in March" : null, "commissioner", Portal.Clock.GetUtcNow());
        await Portal.WithDbAsync(async db => { db.OffFrameworkApprovals.Add(approval); await db.SaveChangesAsync(Ct); });

        var refused = await FireAsync(id, "approve", null);
        Assert.Equal(FireOutcome.Blocked, refused.Outcome);
        Assert.Contains($"{OffFrameworkApproval.CheckName(required[0])} failed (Certificate lapsed in March)", refused.Message);
        Assert.Equal("checks", await StateOfAsync(id));

        await Portal.WithDbAsync(async db =>
        {
            (await db.OffFrameworkApprovals.SingleAsync(a => a.Id == approval.Id, Ct)).RecordCheck(required[0], true, null, "commissioner", Portal.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(FireOutcome.Fired, (await FireAsync(id, "approve", null)).Outcome);
        Assert.Equal("approved", await StateOfAsync(id));
    }
}

public sealed class GuardsOnSqlite(SqlitePortal portal) : GuardTests(portal);

public sealed class GuardsOnPostgres(PostgresPortal portal) : GuardTests(portal);

/// <summary>A definition naming a guard nobody registered stops start-up, naming the file and the guard.</summary>
public sealed class GuardRegistrationTests
{
    private sealed class PortalWithoutUnanimous() : PortalFactory(DatabaseKind.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var registration in services.Where(s => s.ImplementationType == typeof(UnanimousGuard)).ToList()) services.Remove(registration);
            });
        }
    }

    [Fact]
    public void Removing_a_guards_registration_stops_start_up_naming_the_definition_file_and_the_guard()
    {
        using var portal = new PortalWithoutUnanimous();
        var error = Assert.ThrowsAny<Exception>(portal.EnsureStarted);
        var definitionError = error as WorkflowDefinitionException ?? error.InnerException as WorkflowDefinitionException;
        Assert.NotNull(definitionError);
        Assert.Equal("alliance.v1.json", definitionError.File);
        Assert.Contains("'unanimous'", definitionError.Reason);
    }
}
