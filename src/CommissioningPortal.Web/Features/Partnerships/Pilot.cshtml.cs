using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A PSP's pilot evidence (stage 2): each outcome measure as a server-drawn chart with its data table beside it
/// (the chart's text alternative), unit costs, feedback; and in stage 3 the procurement opportunity drafted with it.
/// </summary>
[Authorize]
public sealed class PilotModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<PilotMeasure> Measures { get; private set; } = [];
    public IReadOnlyList<PilotUnitCost> Costs { get; private set; } = [];
    public IReadOnlyList<PilotFeedback> Feedbacks { get; private set; } = [];

    [BindProperty] public string? MeasureName { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public Guid? MeasureId { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? CostDescription { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Per { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Feedback { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostMeasureAsync(Guid id, [FromServices] PilotEvidence pilot, CancellationToken ct) =>
        DoAsync(id, w => pilot.AddMeasureAsync(w, new PilotEvidence.MeasureInput(MeasureName, Unit), ct), "Measure added: record its values over time.", "measures", ct);

    public Task<IActionResult> OnPostValueAsync(Guid id, [FromServices] PilotEvidence pilot, CancellationToken ct) =>
        DoAsync(id, w => pilot.RecordValueAsync(w, new PilotEvidence.ValueInput(MeasureId, Period, Value), ct), "Value recorded.", "measures", ct);

    public Task<IActionResult> OnPostCostAsync(Guid id, [FromServices] PilotEvidence pilot, CancellationToken ct) =>
        DoAsync(id, w => pilot.AddUnitCostAsync(w, new PilotEvidence.CostInput(CostDescription, Amount, Per), ct), "Unit cost recorded.", "costs", ct);

    public Task<IActionResult> OnPostFeedbackAsync(Guid id, [FromServices] PilotEvidence pilot, CancellationToken ct) =>
        DoAsync(id, w => pilot.AddFeedbackAsync(w, new PilotEvidence.FeedbackInput(From, Feedback), ct), "Feedback recorded.", "feedback", ct);

    public async Task<IActionResult> OnPostProcurementAsync(Guid id, [FromServices] PilotEvidence pilot, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await pilot.CreateProcurementAsync(W, User, ct);
        if (!result.Succeeded)
        {
            await LoadAsync(id, ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = "The procurement opportunity is drafted with the pilot's evidence in its specification and the evidence pack attached. Check it and publish it.";
        return Redirect($"/authority/{User.AuthorityCodeOf()}/opportunities/{result.Value!.Id}");
    }

    private async Task<IActionResult> DoAsync<T>(Guid id, Func<Workspace, Task<UseCaseResult<T>>> action, string message, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (W.IsAlliance) return NotFound();
        var result = await action(W);
        if (!result.Succeeded)
        {
            await LoadAsync(id, ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = message;
        return Redirect(W.Link("/pilot") + "#" + section);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w || w.IsAlliance) return false;
        W = w;
        Measures = (await db.PilotMeasures.AsNoTracking().Where(m => m.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Name).ToList();
        Costs = (await db.PilotUnitCosts.AsNoTracking().Where(m => m.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Description).ToList();
        Feedbacks = (await db.PilotFeedback.AsNoTracking().Where(m => m.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Text).ToList();
        return true;
    }
}
