using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace CommissioningPortal.Workflows.Definitions;

/// <summary>A definition file that cannot be used, with the file and the reason.</summary>
public sealed class WorkflowDefinitionException(string file, string reason, Exception? inner = null)
    : Exception($"Workflow definition {file} is invalid: {reason}", inner)
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
}

/// <summary>
/// Loads every <c>&lt;id&gt;.v&lt;version&gt;.json</c> in a folder and checks it against the rules the
/// schema (<c>workflow-definitions/workflow-definition.schema.json</c>) describes, plus the ones a
/// schema cannot: states named in transitions exist, every state is reachable, and so on. The first
/// problem stops start-up with the file name and the reason.
/// </summary>
public static partial class DefinitionLoader
{
    public static readonly IReadOnlyList<string> VariableTypes = ["string", "number", "boolean", "date", "money"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true, // an action's "type" need not come first
    };

    [GeneratedRegex(@"^(?<id>[a-z][a-z0-9-]*)\.v(?<version>[1-9][0-9]*)\.json$")]
    private static partial Regex FileName();

    public static IReadOnlyList<WorkflowDefinition> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new WorkflowDefinitionException(folder, "the folder does not exist");
        var definitions = Directory.GetFiles(folder, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
        var duplicate = definitions.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new WorkflowDefinitionException(folder, $"{duplicate.Key} is defined twice");
        foreach (var d in definitions)
        {
            var missing = d.States.SelectMany(s => s.OnEntry).OfType<StartProcessAction>().FirstOrDefault(a => definitions.All(o => o.Id != a.Process));
            if (missing is not null) throw new WorkflowDefinitionException($"{d.Key}.json", $"it starts process '{missing.Process}', which is not defined");
        }
        return definitions;
    }

    public static WorkflowDefinition LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        var match = FileName().Match(name);
        if (!match.Success) throw new WorkflowDefinitionException(name, "the file name must be <id>.v<version>.json, e.g. tender.v1.json");
        WorkflowDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(File.ReadAllText(path), Json)
                         ?? throw new WorkflowDefinitionException(name, "the file is empty");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new WorkflowDefinitionException(name, e.Message + where, e);
        }
        Validate(definition, name, match.Groups["id"].Value, int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture));
        return definition;
    }

    public static void Validate(WorkflowDefinition d, string file, string expectedId, int expectedVersion)
    {
        void Fail(string reason) => throw new WorkflowDefinitionException(file, reason);

        if (d.Id != expectedId) Fail($"id '{d.Id}' does not match the file name's '{expectedId}'");
        if (d.Version != expectedVersion) Fail($"version {d.Version} does not match the file name's {expectedVersion}");
        if (d.States.Count == 0) Fail("it has no states");
        var names = new HashSet<string>();
        foreach (var state in d.States)
        {
            if (!names.Add(state.Name)) Fail($"state '{state.Name}' is defined twice");
        }
        if (!names.Contains(d.InitialState)) Fail($"initialState '{d.InitialState}' is not one of its states");

        var triggersFrom = new HashSet<(string, string)>();
        foreach (var t in d.Transitions)
        {
            if (string.IsNullOrWhiteSpace(t.Trigger)) Fail("a transition has no trigger");
            if (!names.Contains(t.To)) Fail($"transition '{t.Trigger}' goes to unknown state '{t.To}'");
            if (t.From.Count == 0) Fail($"transition '{t.Trigger}' has no 'from' states");
            if (t.Roles.Count == 0) Fail($"transition '{t.Trigger}' names no roles allowed to fire it");
            foreach (var from in t.From)
            {
                if (!names.Contains(from)) Fail($"transition '{t.Trigger}' comes from unknown state '{from}'");
                if (d.State(from)!.Final) Fail($"transition '{t.Trigger}' leaves final state '{from}'");
                if (!triggersFrom.Add((from, t.Trigger)) && t.Guard is null)
                {
                    Fail($"trigger '{t.Trigger}' is defined twice from state '{from}' without a guard to choose between them");
                }
            }
        }

        foreach (var timer in d.Timers)
        {
            if (!names.Contains(timer.State)) Fail($"a timer runs in unknown state '{timer.State}'");
            if ((timer.After is null) == (timer.At is null)) Fail($"the timer in '{timer.State}' needs exactly one of 'after' (a duration) or 'at' (a date variable)");
            if (timer.After is not null)
            {
                try { XmlConvert.ToTimeSpan(timer.After); }
                catch (FormatException) { Fail($"the timer in '{timer.State}' has 'after' = '{timer.After}', which is not an ISO 8601 duration like P10D or PT2H"); }
            }
            if (timer.At is not null && d.Variables.FirstOrDefault(v => v.Name == timer.At) is not { Type: "date" })
            {
                Fail($"the timer in '{timer.State}' is 'at' '{timer.At}', which is not a date variable");
            }
            if (!d.Transitions.Any(t => t.Trigger == timer.Trigger && t.From.Contains(timer.State)))
            {
                Fail($"the timer in '{timer.State}' fires '{timer.Trigger}', which no transition from that state handles");
            }
        }

        foreach (var variable in d.Variables)
        {
            if (!VariableTypes.Contains(variable.Type)) Fail($"variable '{variable.Name}' has unknown type '{variable.Type}' (use {string.Join(", ", VariableTypes)})");
        }

        foreach (var state in d.States)
        {
            foreach (var action in state.OnEntry)
            {
                switch (action)
                {
                    case TaskAction task:
                        if (!d.Transitions.Any(t => t.Trigger == task.Trigger && t.From.Contains(state.Name)))
                        {
                            Fail($"the task in state '{state.Name}' fires '{task.Trigger}', which no transition from that state handles");
                        }
                        if (task.Due is not null && task.DueAt is not null)
                        {
                            Fail($"the task in state '{state.Name}' has both 'due' and 'dueAt'; give one");
                        }
                        if (task.DueAt is not null && d.Variables.FirstOrDefault(v => v.Name == task.DueAt) is not { Type: "date" })
                        {
                            Fail($"the task in state '{state.Name}' is due at '{task.DueAt}', which is not a date variable");
                        }
                        if (task.Due is not null)
                        {
                            try { XmlConvert.ToTimeSpan(task.Due); }
                            catch (FormatException) { Fail($"the task in state '{state.Name}' has due = '{task.Due}', which is not an ISO 8601 duration"); }
                        }
                        break;
                    case null:
                        Fail($"state '{state.Name}' has an empty action");
                        break;
                }
            }
        }

        foreach (var t in d.Transitions.Where(t => t.Guard is not null && string.IsNullOrWhiteSpace(t.Guard)))
        {
            Fail($"transition '{t.Trigger}' has an empty guard name");
        }

        // Every state can be reached, and every state that is not final has a way on.
        var reached = new HashSet<string> { d.InitialState };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var current))
        {
            foreach (var t in d.Transitions.Where(t => t.From.Contains(current)))
            {
                if (reached.Add(t.To)) queue.Enqueue(t.To);
            }
        }
        if (d.States.FirstOrDefault(s => !reached.Contains(s.Name)) is { } orphan) Fail($"state '{orphan.Name}' cannot be reached from '{d.InitialState}'");
        if (d.States.FirstOrDefault(s => !s.Final && d.Transitions.All(t => !t.From.Contains(s.Name))) is { } stuck)
        {
            Fail($"state '{stuck.Name}' is not final but has no transition out of it");
        }
    }
}
