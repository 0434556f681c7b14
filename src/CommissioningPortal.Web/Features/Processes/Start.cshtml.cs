using System.Globalization;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// "Start a process": every definition the user's roles may start (its <c>startedBy</c>), except
/// those a feature starts itself (<c>ownedBy</c>, e.g. an agreement is started from its own form).
/// The form asks for a title and the definition's variables; the process runs in the user's authority.
/// </summary>
[Authorize]
[OneTimeForm]
public sealed class StartModel(WorkflowRuntime runtime) : PageModel
{
    public const int MaxTitleLength = 300;

    public IReadOnlyList<WorkflowDefinition> Startable { get; private set; } = [];
    public WorkflowDefinition? Chosen { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];

    public IActionResult OnGet(string? id)
    {
        if (!Load(id)) return id is null ? Forbid() : NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (!Load(id) || Chosen is null) return id is null ? Forbid() : NotFound();
        if (User.AuthorityIdOf() is not { } authority) return Forbid(); // a process runs in an authority
        if (Domain.Common.PlainText.Problem(Title, "The title", MaxTitleLength, Domain.Common.PlainText.Kind.Line, "Enter a title for the process.") is { } problem)
        {
            ModelState.AddModelError(nameof(Title), problem);
        }
        var variables = new Dictionary<string, object?>();
        foreach (var variable in Chosen.Variables)
        {
            var key = $"{nameof(Values)}[{variable.Name}]";
            var text = Values.GetValueOrDefault(variable.Name)?.Trim();
            if (string.IsNullOrEmpty(text) || (variable.Type == "boolean" && text == "false"))
            {
                if (variable.Required && variable.Type != "boolean") ModelState.AddModelError(key, $"Enter the {Words(variable.Name)}");
                continue;
            }
            object? value = variable.Type switch
            {
                "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                "number" or "money" => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null,
                "boolean" => true,
                _ => Domain.Common.PlainText.Problem(text, $"The {Words(variable.Name)}", 500, Domain.Common.PlainText.Kind.Line, "") is null ? text : null,
            };
            if (value is null) ModelState.AddModelError(key, variable.Type switch
            {
                "date" => $"Enter the {Words(variable.Name)} as a date, for example 2027-03-31",
                "number" or "money" => $"Enter the {Words(variable.Name)} as a number, for example 12500",
                _ => $"Enter the {Words(variable.Name)} in plain words",
            });
            else variables[variable.Name] = value;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var instance = await runtime.StartAsync(Chosen.Id, Title!.Trim(), authority, variables, ProcessAccess.ActorOf(User), ct);
        TempData["StatusMessage"] = $"Started. It is at: {Chosen.State(instance.State)?.Title ?? instance.State}.";
        return Redirect($"/processes/{instance.Id}");
    }

    /// <summary>"closingDate" → "closing date".</summary>
    public static string Words(string name) => PortalApplication.FieldWords(char.ToUpperInvariant(name[0]) + name[1..]);

    private bool Load(string? id)
    {
        Startable = runtime.StartableBy(ProcessAccess.ActorOf(User));
        if (id is null) return Startable.Count > 0;
        Chosen = Startable.FirstOrDefault(d => d.Id == id);
        return Chosen is not null;
    }
}
