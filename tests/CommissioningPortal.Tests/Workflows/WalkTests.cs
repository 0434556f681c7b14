using CommissioningPortal.Data;
using CommissioningPortal.Data.Workflows;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

/// <summary>
/// Walks every transition of every shipped definition through the runtime, firing only what
/// <see cref="WorkflowRuntime.AvailableTransitionsAsync"/> offers the acting role; at every stage
/// each role named by the definition is offered exactly the transitions its roles allow, nothing more.
/// (Guards pass here; <see cref="GuardTests"/> shows each one blocking.)
/// </summary>
public abstract class WalkTests(PortalFactory portal) : PortalTestBase(portal)
{
    private sealed class Passes(string name) : IWorkflowGuard
    {
        public string Name => name;
        public ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct) => ValueTask.FromResult(GuardResult.Pass);
    }

    /// <summary>A named handler that does nothing: the walk is about the engine's paths, not what a feature's handler checks.</summary>
    private sealed class Runs(string name) : IWorkflowActionHandler
    {
        public string Name => name;
        public Task RunAsync(WorkflowActionContext context, CancellationToken ct) => Task.CompletedTask;
    }

    public static TheoryData<string> Definitions => ["alliance", "call-off", "flexible-framework", "isf-agreement", "off-framework-approval", "public-social-partnership", "tender"];

    private static WorkflowActor ActorFor(TransitionDefinition t) =>
        t.Roles.FirstOrDefault(r => r != WorkflowActor.SystemRole) is { } role ? new WorkflowActor($"a {role}", [role]) : WorkflowActor.System;

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Every_transition_is_walked_firing_only_what_the_engine_offers_the_acting_role(string id)
    {
        var registry = Portal.Services.GetRequiredService<WorkflowDefinitionRegistry>();
        var definition = registry.Latest(id);
        var guards = definition.Transitions.Select(t => t.Guard).OfType<string>().Distinct().Select(g => (IWorkflowGuard)new Passes(g)).ToList();
        var handlers = WorkflowRuntime.HandlersCalledBy([definition]).Select(h => h.Handler).Distinct().Select(h => (IWorkflowActionHandler)new Runs(h)).ToList();

        // The shortest way to each stage, as a list of transitions from the initial one.
        var paths = new Dictionary<string, List<TransitionDefinition>> { [definition.InitialState] = [] };
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var from))
        {
            foreach (var t in definition.Transitions.Where(t => t.From.Contains(from) && !paths.ContainsKey(t.To)))
            {
                paths[t.To] = [.. paths[from], t];
                queue.Enqueue(t.To);
            }
        }
        Assert.Equal(definition.States.Select(s => s.Name).Order(), paths.Keys.Order());

        var walked = new HashSet<(string, string)>();
        foreach (var (state, path) in paths)
        {
            foreach (var last in definition.Transitions.Where(t => t.From.Contains(state)))
            {
                await using var scope = Portal.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var runtime = new WorkflowRuntime(new EfWorkflowStore(db), registry, Portal.Clock, guards: guards, handlers: handlers);
                var instance = await runtime.StartAsync(id, $"Walk {id} {state} {last.Trigger}", null, StartVariables.For(definition, Portal.Clock.GetUtcNow()), WorkflowActor.System, Ct);
                foreach (var step in path.Append(last))
                {
                    var now = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance.Id, Ct);
                    foreach (var role in definition.Transitions.SelectMany(t => t.Roles).Distinct())
                    {
                        var offered = (await runtime.AvailableTransitionsAsync(now, new WorkflowActor(role, [role]), Ct)).Select(a => a.Trigger).Order().ToList();
                        var allowed = definition.Transitions.Where(t => t.From.Contains(now.State) && t.Roles.Contains(role)).Select(t => t.Trigger).Order().ToList();
                        Assert.Equal(allowed, offered);
                    }
                    var actor = ActorFor(step);
                    var available = await runtime.AvailableTransitionsAsync(now, actor, Ct);
                    var choice = Assert.Single(available, a => a.Trigger == step.Trigger && a.To.Name == step.To);
                    Assert.True(choice.CanFire);
                    Assert.Equal(step.OwnedBy is not null, choice.FeatureOwned);
                    var result = await runtime.FireAsync(instance.Id, step.Trigger, actor, choice.CommentRequired ? "Walked by the test" : null, now.Version, Ct);
                    Assert.Equal((FireOutcome.Fired, step.To), (result.Outcome, result.State));
                }
                walked.Add((state, last.Trigger));
                var finished = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance.Id, Ct);
                if (definition.State(finished.State)!.Final)
                {
                    Assert.NotNull(finished.CompletedAt);
                    Assert.Empty(await runtime.AvailableTransitionsAsync(finished, new WorkflowActor("everyone", definition.Transitions.SelectMany(t => t.Roles).Distinct().ToList()), Ct));
                }
            }
        }
        Assert.Equal(definition.Transitions.SelectMany(t => t.From.Select(f => (f, t.Trigger))).ToHashSet(), walked);
    }
}

public sealed class WalkOnSqlite(SqlitePortal portal) : WalkTests(portal);

public sealed class WalkOnPostgres(PostgresPortal portal) : WalkTests(portal);
