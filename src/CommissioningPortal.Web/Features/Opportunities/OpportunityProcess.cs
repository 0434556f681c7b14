using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// Each kind of opportunity runs its process definition (workflow-definitions/*.json). Publishing starts
/// an instance of the kind's newest version, for the business key <c>opportunity:{id}</c>, and fires the
/// step that opens it; closing and cancelling fire theirs. A step is fired only when the engine offers it
/// to the commissioner (AvailableTransitionsAsync), so the definition, not this class, decides what may happen.
/// </summary>
public sealed class OpportunityProcess(WorkflowRuntime runtime, PortalDbContext db)
{
    /// <summary>The definition a kind runs and the triggers of its own steps (null: the definition has none).</summary>
    public sealed record Steps(string DefinitionId, string? Publish, string? Close, string? Cancel);

    public static Steps For(OpportunityKind kind) => kind switch
    {
        OpportunityKind.MarketEngagement => new("market-engagement", "publish", "close", "cancel"),
        OpportunityKind.OpenTender => new("tender", "publish", "close", "cancel"),
        OpportunityKind.FlexibleFramework => new("flexible-framework", "open", "close", "end"),
        OpportunityKind.PublicSocialPartnership => new("public-social-partnership", null, null, "close"),
        OpportunityKind.AllianceExpressionOfInterest => new("alliance", null, "close-interest", null),
        OpportunityKind.IndividualPackage => new("call-off", "offer", "close-offers", "withdraw"),
        OpportunityKind.NegotiatedOrInnovation => new("negotiated-procedure", "publish", "close", "cancel"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string BusinessKey(Guid opportunityId) => $"opportunity:{opportunityId}";

    /// <summary>Each opportunity's open process tasks (opportunities without a process are left out).</summary>
    public static async Task<Dictionary<Guid, int>> OpenTaskCountsAsync(PortalDbContext db, Guid authorityId, IReadOnlyCollection<Guid> opportunityIds, CancellationToken ct)
    {
        var keys = opportunityIds.ToDictionary(BusinessKey);
        var open = await db.WorkflowInstances.AsNoTracking().Where(i => i.AuthorityId == authorityId && i.BusinessKey != null && keys.Keys.Contains(i.BusinessKey))
            .Select(i => new { i.BusinessKey, Open = db.WorkItems.Count(w => w.InstanceId == i.Id && w.ClosedAt == null) })
            .ToListAsync(ct);
        return open.ToDictionary(i => keys[i.BusinessKey!], i => i.Open);
    }

    public static WorkflowActor ActorOf(Actor actor) => new(actor.Name, [Roles.Commissioner], actor.UserId);

    /// <summary>Starts the kind's process and fires its opening step; call inside the publishing transaction.</summary>
    public async Task<WorkflowInstance> StartAsync(Opportunity o, Actor actor, CancellationToken ct)
    {
        var steps = For(o.Kind);
        var variables = new Dictionary<string, object?>
        {
            ["closingDate"] = o.SubmissionDeadline,
            ["offersDue"] = o.SubmissionDeadline,
            ["estimatedValue"] = o.EstimatedValuePence is { } p ? p / 100m : null,
        };
        var instance = await runtime.StartAsync(steps.DefinitionId, $"{OpportunityNames.Kind(o.Kind)}: {o.Title}", o.AuthorityId, variables, ActorOf(actor), ct,
            businessKey: BusinessKey(o.Id));
        if (steps.Publish is { } trigger) await FireIfOfferedAsync(instance, trigger, actor, null, ct);
        return instance;
    }

    public async Task CloseAsync(Opportunity o, Actor actor, CancellationToken ct)
    {
        if (For(o.Kind).Close is { } trigger && await runtime.FindByBusinessKeyAsync(BusinessKey(o.Id), ct) is { } instance)
            await FireIfOfferedAsync(instance, trigger, actor, null, ct);
    }

    public async Task CancelAsync(Opportunity o, string reason, Actor actor, CancellationToken ct)
    {
        if (For(o.Kind).Cancel is { } trigger && await runtime.FindByBusinessKeyAsync(BusinessKey(o.Id), ct) is { } instance)
            await FireIfOfferedAsync(instance, trigger, actor, reason, ct);
    }

    /// <summary>The instance, its open tasks and the steps the engine offers the commissioner now; null before publication.</summary>
    public async Task<(WorkflowInstance Instance, string StateTitle, IReadOnlyList<WorkItem> Tasks, IReadOnlyList<AvailableTransition> Next)?> StatusAsync(Guid opportunityId, Actor actor, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.BusinessKey == BusinessKey(opportunityId), ct);
        if (instance is null) return null;
        var definition = runtime.Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var tasks = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instance.Id && w.ClosedAt == null).OrderBy(w => w.DueAt).ToListAsync(ct);
        var next = await runtime.AvailableTransitionsAsync(instance, ActorOf(actor), ct);
        return (instance, definition.State(instance.State)?.Title ?? instance.State, tasks, next);
    }

    private async Task FireIfOfferedAsync(WorkflowInstance instance, string trigger, Actor actor, string? comment, CancellationToken ct)
    {
        var offered = await runtime.AvailableTransitionsAsync(instance, ActorOf(actor), ct);
        if (!offered.Any(t => t.Trigger == trigger && t.CanFire)) return;
        var fired = await runtime.FireAsync(instance.Id, trigger, ActorOf(actor), comment, ct: ct);
        if (fired.Outcome != FireOutcome.Fired) throw new InvalidOperationException($"The opportunity's process did not take the step '{trigger}': {fired.Outcome} {fired.Message}");
    }
}
