using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>The shared record: objectives and shared outcomes with measures, meetings (agenda, minutes), the risk and issue register.</summary>
[Authorize]
public sealed class RecordModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<PartnershipObjective> Objectives { get; private set; } = [];
    public IReadOnlyList<PartnershipMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<PartnershipRisk> Risks { get; private set; } = [];

    [BindProperty] public string? Objective { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public string? MeetingTitle { get; set; }
    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public RiskKind? RiskKind { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? ReviewOn { get; set; }
    [BindProperty] public string? RiskResponse { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostObjectiveAsync(Guid id, [FromServices] SharedRecord record, CancellationToken ct) =>
        await DoAsync(id, w => record.AddObjectiveAsync(w, new SharedRecord.ObjectiveInput(Objective, Outcome, Measure), ct), "Objective recorded.", "objectives", ct);

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, [FromServices] SharedRecord record, CancellationToken ct) =>
        await DoAsync(id, w => record.AddMeetingAsync(w, new SharedRecord.MeetingInput(MeetingTitle, HeldOn, Agenda), ct), "Meeting and agenda recorded.", "meetings", ct);

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, Guid meetingId, [FromServices] SharedRecord record, CancellationToken ct) =>
        await DoAsync(id, w => record.RecordMinutesAsync(w, meetingId, Minutes, ct), "Minutes recorded.", "meetings", ct);

    public async Task<IActionResult> OnPostRiskAsync(Guid id, [FromServices] SharedRecord record, CancellationToken ct) =>
        await DoAsync(id, w => record.AddRiskAsync(w, new SharedRecord.RiskInput(RiskKind, Description, Owner, ReviewOn, RiskResponse), ct), "Added to the register.", "risks", ct);

    private async Task<IActionResult> DoAsync<T>(Guid id, Func<Workspace, Task<UseCaseResult<T>>> action, string message, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await action(W);
        if (!result.Succeeded)
        {
            await LoadAsync(id, ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = message;
        return Redirect(W.Link("/record") + "#" + section);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w) return false;
        W = w;
        Objectives = (await db.PartnershipObjectives.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt).ToList();
        Meetings = (await db.PartnershipMeetings.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderByDescending(m => m.HeldOn).ToList();
        Risks = (await db.PartnershipRisks.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(r => r.ReviewOn).ToList();
        return true;
    }
}
