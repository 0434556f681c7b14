using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>One process definition version: its diagram, stages, steps (and who may take them), timers and actions.</summary>
[Authorize, DrawsDiagrams]
public sealed class DefinitionModel(WorkflowDefinitionRegistry definitions) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<int> Versions { get; private set; } = [];

    public IActionResult OnGet(string id, int version)
    {
        if (!ProcessAccess.MaySeeProcesses(User)) return Forbid();
        var found = definitions.All.FirstOrDefault(d => d.Id == id && d.Version == version);
        if (found is null) return NotFound();
        Definition = found;
        Versions = definitions.All.Where(d => d.Id == id).Select(d => d.Version).Order().ToList();
        return Page();
    }

    public string StateTitle(string name) => Definition.State(name)?.Title ?? name;

    public static string Describe(ActionDefinition action) => action.Type switch
    {
        "task" => $"Task for the {action.Role}: {action.Title}" + (action.Due is null ? "" : $" (due in {Duration(action.Due)})"),
        "email" => $"E-mail to the {action.Role}s of the authority",
        "setVariable" => $"Records {action.Variable}" + (action.Value == "$now" ? " (the date and time)" : $" = {action.Value}"),
        "startProcess" => $"Starts a new '{action.Process}' process",
        "document" => $"Produces the document '{action.Template}'",
        "handler" => $"Runs the rule '{action.Handler}'",
        _ => action.Type,
    };

    public static string Duration(string iso)
    {
        var span = System.Xml.XmlConvert.ToTimeSpan(iso);
        return span.TotalDays >= 1 ? $"{span.TotalDays:0} {(span.TotalDays == 1 ? "day" : "days")}" : $"{span.TotalHours:0} hours";
    }
}
