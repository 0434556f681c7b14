using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// <c>/tendering/{id}/evaluation</c>: the opportunity's panel — add commissioners and invited lived-experience members by e-mail,
/// give each lived-experience member the quality questions they score, see who has declared and scored (never the scores), and
/// close scoring to start moderation.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class PanelModel(PortalDbContext db, ResponseReading reading, AddPanelMember add, AssignQuestions assign, ModerationUseCases moderation) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public List<Guid> QuestionIds { get; set; } = [];

    public Opportunity Opportunity { get; private set; } = null!;
    public Domain.Evaluations.Evaluation? Evaluation { get; private set; }
    public IReadOnlyList<TenderQuestion> Quality { get; private set; } = [];
    public bool Open { get; private set; }
    public int Bidders { get; private set; }
    public Dictionary<string, int> Scored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await add.HandleAsync(Id, new AddPanelMember.Input(Email), Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = $"{result.Value!.Name} is on the panel as a {EvaluationPages.Role(result.Value.Role)} and has been e-mailed.";
        return Redirect($"/tendering/{Id}/evaluation");
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        var result = await assign.HandleAsync(Id, new AssignQuestions.Input(MemberId, QuestionIds), Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = $"{result.Value!.Name} scores {result.Value.AssignedQuestionIds.Count} question{(result.Value.AssignedQuestionIds.Count == 1 ? "" : "s")}.";
        return Redirect($"/tendering/{Id}/evaluation");
    }

    public async Task<IActionResult> OnPostModerateAsync(CancellationToken ct)
    {
        var result = await moderation.StartModerationAsync(Id, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "Scoring is closed. Every score is now on the moderation page.";
        return Redirect($"/tendering/{Id}/moderation");
    }

    private async Task<IActionResult> RefusedAsync<T>(UseCaseResult<T> result, CancellationToken ct)
    {
        if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        Evaluation = await db.Evaluations.AsNoTracking().AsSplitQuery().Include(e => e.Seats).FirstOrDefaultAsync(e => e.OpportunityId == Id, ct);
        var questionnaire = await EvaluationBoard.QuestionnaireAsync(db, Id, ct);
        Quality = questionnaire is null ? [] : EvaluationBoard.ScoredQuestions(questionnaire).Where(q => !EvaluationBoard.IsFairWork(questionnaire, q)).ToList();
        Open = (await reading.OpeningAsync(Id, ct))?.IsOpen == true;
        Bidders = (await reading.OpenedAsync(Id, ct)).Count;
        if (Evaluation is not null)
        {
            var evaluationId = Evaluation.Id;
            Scored = (await db.EvaluatorScores.AsNoTracking().Where(s => s.EvaluationId == evaluationId).Select(s => new { s.EvaluatorId, s.ResponseId }).Distinct().ToListAsync(ct))
                .GroupBy(s => s.EvaluatorId).ToDictionary(g => g.Key, g => g.Count());
        }
        return true;
    }
}
