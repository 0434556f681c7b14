using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Tests.Workflows;

/// <summary>
/// Stand-in values for the variables a definition requires at start (the runtime refuses a start
/// without them), for tests about something else: dates a month after <paramref name="now"/>, money 1,000.
/// </summary>
public static class StartVariables
{
    public static Dictionary<string, object?> For(WorkflowDefinition definition, DateTimeOffset now, IReadOnlyDictionary<string, object?>? given = null)
    {
        var variables = new Dictionary<string, object?>(given ?? new Dictionary<string, object?>());
        foreach (var variable in definition.Variables.Where(v => v.Required && !variables.ContainsKey(v.Name)))
        {
            variables[variable.Name] = variable.Type switch
            {
                "date" => now.AddDays(30),
                "money" or "number" => 1000m,
                "boolean" => true,
                _ => "Test value",
            };
        }
        return variables;
    }
}
