using CommissioningPortal.Data;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Data.Workflows;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

public abstract class RuntimeTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly WorkflowActor Commissioner = new("commissioner@glenmore.example", [Roles.Commissioner]);
    private static readonly WorkflowActor Provider = new("provider@brightsteps.example", [Roles.ProviderUser]);

    private async Task<T> InScopeAsync<T>(Func<WorkflowRuntime, PortalDbContext, Task<T>> work)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private Task<Guid> StartTenderAsync(DateTimeOffset? closing = null) => InScopeAsync(async (runtime, db) =>
    {
        var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
        var instance = await runtime.StartAsync("tender", "Care at home, North Glenmore", glenmore.Id,
            new Dictionary<string, object?> { ["closingDate"] = closing ?? Portal.Clock.GetUtcNow().AddDays(30) }, Commissioner, Ct);
        return instance.Id;
    });

    [Fact]
    public async Task A_role_that_may_not_fire_is_refused_and_nothing_changes()
    {
        var id = await StartTenderAsync();
        var result = await InScopeAsync((runtime, _) => runtime.FireAsync(id, "publish", Provider, ct: Ct));
        Assert.Equal(FireOutcome.NotAllowed, result.Outcome);

        var (state, history) = await InScopeAsync(async (_, db) =>
            ((await db.WorkflowInstances.SingleAsync(i => i.Id == id, Ct)).State, await db.WorkflowHistory.CountAsync(h => h.InstanceId == id, Ct)));
        Assert.Equal("draft", state);
        Assert.Equal(0, history);
    }

    [Fact]
    public async Task A_concurrent_double_fire_applies_once()
    {
        var id = await StartTenderAsync();
        var results = await Task.WhenAll(
            InScopeAsync((runtime, _) => runtime.FireAsync(id, "publish", Commissioner, ct: Ct)),
            InScopeAsync((runtime, _) => runtime.FireAsync(id, "publish", Commissioner, ct: Ct)));

        Assert.Equal(1, results.Count(r => r.Outcome == FireOutcome.Fired));
        var history = await InScopeAsync((_, db) => db.WorkflowHistory.Where(h => h.InstanceId == id).ToListAsync(Ct));
        var entry = Assert.Single(history);
        Assert.Equal(("draft", "published", "publish"), (entry.FromState, entry.ToState, entry.Trigger));
    }

    [Fact]
    public async Task Firing_records_history_closes_tasks_creates_new_ones_and_sets_timers()
    {
        var closing = Portal.Clock.GetUtcNow().AddDays(14);
        var id = await StartTenderAsync(closing);
        Assert.Equal(FireOutcome.Fired, (await InScopeAsync((r, _) => r.FireAsync(id, "publish", Commissioner, ct: Ct))).Outcome);

        var timer = await InScopeAsync((_, db) => db.WorkflowTimers.SingleAsync(t => t.InstanceId == id && !t.Cancelled, Ct));
        Assert.Equal(("published", "close"), (timer.State, timer.Trigger));
        Assert.Equal(closing, timer.DueAt, TimeSpan.FromMilliseconds(1));

        Assert.Equal(FireOutcome.Fired, (await InScopeAsync((r, _) => r.FireAsync(id, "close", WorkflowActor.System, ct: Ct))).Outcome);
        var task = await InScopeAsync((_, db) => db.WorkItems.SingleAsync(w => w.InstanceId == id, Ct));
        Assert.Equal(("Open the sealed responses", Roles.Commissioner, "open-responses"), (task.Title, task.Role, task.Trigger));
        Assert.True(await InScopeAsync((_, db) => db.WorkflowTimers.Where(t => t.InstanceId == id).AllAsync(t => t.Cancelled, Ct)));

        Assert.Equal(FireOutcome.Fired, (await InScopeAsync((r, _) => r.FireAsync(id, "open-responses", Commissioner, ct: Ct))).Outcome);
        var done = await InScopeAsync((_, db) => db.WorkItems.SingleAsync(w => w.InstanceId == id, Ct));
        Assert.True(done.Completed);
        Assert.NotNull(done.ClosedAt);

        Assert.Equal(FireOutcome.CommentRequired, (await InScopeAsync((r, _) => r.FireAsync(id, "cancel", Commissioner, ct: Ct))).Outcome);
        Assert.Equal(FireOutcome.NotPermitted, (await InScopeAsync((r, _) => r.FireAsync(id, "publish", Commissioner, ct: Ct))).Outcome);
        var cancelled = await InScopeAsync((r, _) => r.FireAsync(id, "cancel", Commissioner, "Budget withdrawn", ct: Ct));
        Assert.Equal(("cancelled", FireOutcome.Fired), (cancelled.State, cancelled.Outcome));
        var history = await InScopeAsync((_, db) => db.WorkflowHistory.Where(h => h.InstanceId == id).OrderBy(h => h.Sequence).ToListAsync(Ct));
        Assert.Equal(["publish", "close", "open-responses", "cancel"], history.Select(h => h.Trigger));
        Assert.Equal("Budget withdrawn", history[^1].Comment);
    }

    [Fact]
    public async Task Entering_a_state_with_an_email_action_queues_mail_to_the_role_in_that_authority_only()
    {
        var id = await StartTenderAsync();
        Assert.Equal(FireOutcome.Fired, (await InScopeAsync((r, _) => r.FireAsync(id, "publish", Commissioner, ct: Ct))).Outcome);
        var title = await InScopeAsync((_, db) => db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.Title).SingleAsync(Ct));
        var recipients = await InScopeAsync((_, db) => db.OutboxMessages
            .Where(m => m.Kind == "workflow:opportunity-published" && m.Subject == title + ": Published").Select(m => m.ToAddress).ToListAsync(Ct));
        Assert.Contains(DemoUsers.GlenmoreCommissioner, recipients);
        Assert.DoesNotContain(DemoUsers.ArdbraeCommissioner, recipients);
        Assert.DoesNotContain(DemoUsers.GlenmorePractitioner, recipients);
    }

    [Fact]
    public async Task A_start_without_a_variable_the_definition_requires_is_refused_and_nothing_is_saved()
    {
        var title = $"No closing date {Guid.NewGuid():N}";
        var error = await Assert.ThrowsAsync<ArgumentException>(() => InScopeAsync(async (runtime, db) =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            return await runtime.StartAsync("tender", title, glenmore.Id, new Dictionary<string, object?> { ["estimatedValue"] = 1000m }, Commissioner, Ct);
        }));
        Assert.Contains("closingDate", error.Message);
        Assert.False(await Portal.WithDbAsync(db => db.WorkflowInstances.AnyAsync(i => i.Title == title, Ct)));
    }

    [Fact]
    public async Task Agreeing_a_call_off_starts_its_ISF_agreement_process_and_records_when()
    {
        var practitioner = new WorkflowActor("practitioner@glenmore.example", [Roles.Practitioner]);
        var id = await InScopeAsync(async (runtime, db) =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            return (await runtime.StartAsync("call-off", "Support for Jamie, 12 hours", glenmore.Id, StartVariables.For(runtime.Definitions.Latest("call-off"), Portal.Clock.GetUtcNow()), practitioner, Ct)).Id;
        });
        foreach (var trigger in new[] { "offer", "close-offers", "choose", "make-agreement" })
        {
            Assert.Equal(FireOutcome.Fired, (await InScopeAsync((r, _) => r.FireAsync(id, trigger, practitioner, ct: Ct))).Outcome);
        }

        var (parent, child) = await InScopeAsync(async (_, db) =>
        {
            var p = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
            var variables = System.Text.Json.JsonDocument.Parse(p.VariablesJson).RootElement;
            var childId = Guid.Parse(variables.GetProperty("isf-agreementInstanceId").GetString()!);
            Assert.Equal(Portal.Clock.GetUtcNow(), variables.GetProperty("agreedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
            return (p, await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == childId, Ct));
        });
        Assert.Equal(("isf-agreement", "draft", parent.AuthorityId), (child.DefinitionId, child.State, child.AuthorityId));
        Assert.Equal("Individual Service Fund agreement", child.Title);
        Assert.Contains(id.ToString(), child.VariablesJson);
    }

    [Fact]
    public async Task A_named_handler_runs_in_the_firing_transaction_and_a_failing_one_changes_nothing()
    {
        var definition = new WorkflowDefinition
        {
            Id = "handled", Version = 1, Title = "Handled", InitialState = "start",
            States =
            [
                new StateDefinition { Name = "start", Title = "Start" },
                new StateDefinition { Name = "noted", Title = "Noted", OnEntry = [new HandlerAction { Handler = "note" }] },
                new StateDefinition { Name = "broken", Title = "Broken", Final = true, OnEntry = [new HandlerAction { Handler = "explode" }] },
            ],
            Transitions =
            [
                new TransitionDefinition { Trigger = "note", From = ["start"], To = "noted", Roles = [Roles.Commissioner] },
                new TransitionDefinition { Trigger = "break", From = ["noted"], To = "broken", Roles = [Roles.Commissioner] },
            ],
        };
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var runtime = new WorkflowRuntime(new EfWorkflowStore(db), new WorkflowDefinitionRegistry([definition]), Portal.Clock, handlers: [new NoteHandler(db), new ExplodingHandler()]);
        var instance = await runtime.StartAsync("handled", "Handler test", null, null, Commissioner, Ct);

        Assert.Equal(FireOutcome.Fired, (await runtime.FireAsync(instance.Id, "note", Commissioner, ct: Ct)).Outcome);
        Assert.Equal(1, await db.WorkflowHistory.CountAsync(h => h.InstanceId == instance.Id && h.Comment == "noted by handler", Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.FireAsync(instance.Id, "break", Commissioner, ct: Ct));
        db.ChangeTracker.Clear();
        Assert.Equal("noted", (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance.Id, Ct)).State);
        Assert.Equal(2, await db.WorkflowHistory.CountAsync(h => h.InstanceId == instance.Id, Ct)); // the "note" entry and the handler's; nothing from "break"
    }

    /// <summary>Adds to the host's unit of work (the scoped context), as a portal handler does.</summary>
    private sealed class NoteHandler(PortalDbContext db) : IWorkflowActionHandler
    {
        public string Name => "note";

        public Task RunAsync(WorkflowActionContext context, CancellationToken ct)
        {
            db.WorkflowHistory.Add(new CommissioningPortal.Domain.Workflows.WorkflowHistoryEntry
            {
                InstanceId = context.Instance.Id, Sequence = 100, Trigger = "handler", FromState = context.State.Name, ToState = context.State.Name,
                Actor = "handler", At = context.Now, Comment = "noted by handler",
            });
            return Task.CompletedTask;
        }
    }

    private sealed class ExplodingHandler : IWorkflowActionHandler
    {
        public string Name => "explode";

        public Task RunAsync(WorkflowActionContext context, CancellationToken ct) => throw new InvalidOperationException("The domain rule refused.");
    }

    [Fact]
    public async Task An_instance_started_on_v1_keeps_running_v1_after_v2_is_added()
    {
        var registry = Portal.Services.GetRequiredService<WorkflowDefinitionRegistry>();
        var v1 = registry.Get("off-framework-approval", 1);
        // v2 adds a direct approval from "requested"; v1 instances must not gain it.
        var v2 = v1 with
        {
            Version = 2,
            Transitions = [.. v1.Transitions, new TransitionDefinition { Trigger = "fast-approve", From = ["requested"], To = "approved", Roles = [Roles.Commissioner] }],
        };
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var onlyV1 = new WorkflowRuntime(new EfWorkflowStore(db), new WorkflowDefinitionRegistry([v1]), Portal.Clock);
        var started = await onlyV1.StartAsync("off-framework-approval", "Morag Campbell for Jamie", null, null, Commissioner, Ct);

        var both = new WorkflowRuntime(new EfWorkflowStore(db), new WorkflowDefinitionRegistry([v1, v2]), Portal.Clock);
        Assert.Equal(FireOutcome.NotPermitted, (await both.FireAsync(started.Id, "fast-approve", Commissioner, ct: Ct)).Outcome);
        Assert.Equal(FireOutcome.Fired, (await both.FireAsync(started.Id, "start-checks", Commissioner, ct: Ct)).Outcome);
        var reloaded = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == started.Id, Ct);
        Assert.Equal((1, "checks"), (reloaded.DefinitionVersion, reloaded.State));

        var newer = await both.StartAsync("off-framework-approval", "A newer request", null, null, Commissioner, Ct);
        Assert.Equal(2, newer.DefinitionVersion);
        Assert.Equal(FireOutcome.Fired, (await both.FireAsync(newer.Id, "fast-approve", Commissioner, ct: Ct)).Outcome);
    }
}

public sealed class RuntimeOnSqlite(SqlitePortal portal) : RuntimeTests(portal);

public sealed class RuntimeOnPostgres(PostgresPortal portal) : RuntimeTests(portal);
