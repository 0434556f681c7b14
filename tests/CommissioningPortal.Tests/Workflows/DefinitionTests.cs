using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Definitions;
using Xunit;

namespace CommissioningPortal.Tests.Workflows;

public sealed class DefinitionTests
{
    public static string ShippedFolder => Path.Combine(Repository.Root, "workflow-definitions");

    public static TheoryData<string> Shipped =>
        [.. Directory.GetFiles(ShippedFolder, "*.v*.json").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void The_portal_ships_the_nine_processes()
    {
        var ids = DefinitionLoader.LoadFolder(ShippedFolder).Select(d => d.Id).Distinct().Order(); // isf-agreement ships v1 (for running instances) and v2
        Assert.Equal(["alliance", "call-off", "flexible-framework", "isf-agreement", "market-engagement", "negotiated-procedure", "off-framework-approval", "public-social-partnership", "tender"], ids);
    }

    /// <summary>Fires every trigger from every reachable state: every state and every transition is used, every path ends.</summary>
    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task Every_path_of_a_shipped_definition_can_be_walked(string file)
    {
        var definition = DefinitionLoader.LoadFile(Path.Combine(ShippedFolder, file));
        var visited = new HashSet<string>();
        var fired = new HashSet<(string From, string Trigger)>();
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var from))
        {
            if (!visited.Add(from)) continue;
            var state = from;
            var machine = WorkflowMachine.Build(definition, () => state, s => state = s);
            foreach (var trigger in (await machine.GetPermittedTriggersAsync()).ToList())
            {
                state = from;
                machine.Fire(trigger);
                fired.Add((from, trigger));
                queue.Enqueue(state);
            }
        }
        Assert.Equal(definition.States.Select(s => s.Name).Order(), visited.Order());
        var declared = definition.Transitions.SelectMany(t => t.From.Select(f => (f, t.Trigger))).ToHashSet();
        Assert.Subset(fired, declared);
        Assert.Superset(declared, fired);
        Assert.Contains(definition.States, s => s.Final);
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_definition_has_a_mermaid_diagram(string file)
    {
        var definition = DefinitionLoader.LoadFile(Path.Combine(ShippedFolder, file));
        var mermaid = WorkflowMachine.Mermaid(definition);
        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart());
        Assert.All(definition.Transitions, t => Assert.Contains(t.Title ?? t.Trigger, mermaid));
        Assert.All(definition.States, s => Assert.Contains(s.Title.Replace(":", " "), mermaid)); // Mermaid gives ":" a meaning
        Assert.DoesNotContain("class ", mermaid);

        var current = definition.States[^1];
        var highlighted = WorkflowMachine.Mermaid(definition, current.Name);
        Assert.Contains($"class s{definition.States.Count - 1} current", highlighted);
        Assert.Contains($"now at {current.Title}", highlighted);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "\"to\": \"published\"", "\"to\": \"publishd\"", "unknown state 'publishd'" },
        { "\"initialState\": \"draft\"", "\"initialState\": \"drafty\"", "initialState 'drafty'" },
        { "\"after\": \"P10D\"", "\"after\": \"ten days\"", "not an ISO 8601 duration" },
        { "\"version\": 1", "\"version\": 2", "does not match the file name" },
        { "\"title\": \"Open tender\"", "\"title\": \"Open tender\", \"colour\": \"red\"", "colour" },
        { "\"title\": \"Published\",", "\"title\": \"Published\", \"final\": true,", "leaves final state 'published'" },
        { "\"due\": \"P2D\"", "\"dueAt\": \"estimatedValue\"", "is due at 'estimatedValue', which is not a date variable" },
        { "\"due\": \"P2D\"", "\"due\": \"P2D\", \"dueAt\": \"closingDate\"", "has both 'due' and 'dueAt'" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_copy_names_the_file_and_the_reason(string find, string replace, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(ShippedFolder, "tender.v1.json"));
            Assert.Contains(find, text);
            File.WriteAllText(Path.Combine(folder, "tender.v1.json"), text.Replace(find, replace));
            var error = Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFolder(folder));
            Assert.Equal("tender.v1.json", error.File);
            Assert.Contains(reason, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_portal_will_not_start_with_a_broken_definition()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        File.WriteAllText(Path.Combine(folder, "alliance.v1.json"), "{ \"id\": \"alliance\", ");
        using var portal = new PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Workflows:DefinitionsFolder"] = folder });
        var error = Assert.ThrowsAny<Exception>(portal.EnsureStarted);
        var definitionError = error as WorkflowDefinitionException ?? error.InnerException as WorkflowDefinitionException;
        Assert.NotNull(definitionError);
        Assert.Equal("alliance.v1.json", definitionError.File);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_portal_will_not_start_when_a_definition_calls_a_handler_nobody_registered()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        var text = File.ReadAllText(Path.Combine(ShippedFolder, "alliance.v1.json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        json["states"]![0]!["onEntry"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "type": "handler", "handler": "no-such-handler" }]""");
        File.WriteAllText(Path.Combine(folder, "alliance.v1.json"), json.ToJsonString());
        using var portal = new PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Workflows:DefinitionsFolder"] = folder });
        var error = Assert.ThrowsAny<Exception>(portal.EnsureStarted);
        var definitionError = error as WorkflowDefinitionException ?? error.InnerException as WorkflowDefinitionException;
        Assert.NotNull(definitionError);
        Assert.Equal("alliance.v1.json", definitionError.File);
        Assert.Contains("no-such-handler", definitionError.Reason);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_definition_starting_an_undefined_process_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            File.Copy(Path.Combine(ShippedFolder, "call-off.v1.json"), Path.Combine(folder, "call-off.v1.json"));
            var error = Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFolder(folder));
            Assert.Equal("call-off.v1.json", error.File);
            Assert.Contains("isf-agreement", error.Reason);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_new_version_sits_beside_the_old_one_and_instances_keep_theirs()
    {
        var v1 = DefinitionLoader.LoadFile(Path.Combine(ShippedFolder, "off-framework-approval.v1.json"));
        var v2 = v1 with { Version = 2, Title = "Off-framework approval (faster)" };
        var registry = new WorkflowDefinitionRegistry([v1, v2]);
        Assert.Same(v2, registry.Latest("off-framework-approval"));
        Assert.Same(v1, registry.Get("off-framework-approval", 1));
    }
}
