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

    public static string Describe(WorkflowAction action) => action switch
    {
        TaskAction task => $"Task for the {task.Role}: {task.Title}" + (task.Due is null ? "" : $" (due in {Duration(task.Due)})"),
        NotifyAction notify => $"E-mail to the {notify.Role}s of the authority",
        SetVariableAction set => $"Records {set.Variable}" + (set.Value == "$now" ? " (the date and time)" : $" = {set.Value}"),
        StartProcessAction start => $"Starts a new '{start.Process}' process",
        DocumentAction document => $"Produces the document '{document.Template}'",
        HandlerAction handler => $"Runs the rule '{handler.Handler}'",
        _ => action.Kind,
    };

    public static string Duration(string iso)
    {
        var span = System.Xml.XmlConvert.ToTimeSpan(iso);
        return span.TotalDays >= 1 ? $"{span.TotalDays:0} {(span.TotalDays == 1 ? "day" : "days")}" : $"{span.TotalHours:0} hours";
    }
}
