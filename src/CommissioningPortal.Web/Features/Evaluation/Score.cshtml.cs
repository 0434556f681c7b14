using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// <c>/evaluation/{id}/responses/{responseId}</c>: one bidder's answers to the questions this member scores, and the member's own
/// scores and comments. Not found for a bidder the member declared a conflict with (by link or typed address alike); before the
/// declaration, it sends the member to make it. Prices are never read here.
/// </summary>
[Authorize(Roles = Roles.Commissioner + "," + Roles.PanelMember)]
public sealed class ScoreModel(PortalDbContext db, ResponseReading reading, ScoreResponse score) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid ResponseId { get; set; }
    [BindProperty] public Dictionary<Guid, string?> Scores { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Comments { get; set; } = [];

    public Opportunity Opportunity { get; private set; } = null!;
    public Domain.Evaluations.Evaluation Evaluation { get; private set; } = null!;
    public PanelSeat Seat { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public IReadOnlyList<TenderQuestion> Questions { get; private set; } = [];
    public Dictionary<Guid, string?> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await LoadAsync(ct);
        if (outcome is not null) return outcome;
        var mine = await db.EvaluatorScores.AsNoTracking().Where(s => s.EvaluationId == Evaluation.Id && s.EvaluatorId == Seat.UserId && s.ResponseId == ResponseId).ToListAsync(ct);
        Scores = mine.ToDictionary(s => s.QuestionId, s => (string?)s.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Comments = mine.ToDictionary(s => s.QuestionId, s => (string?)s.Comment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await score.HandleAsync(Id, ResponseId, new ScoreResponse.Input(Scores, Comments), Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
            return await LoadAsync(ct) ?? this.Refused(result);
        }
        TempData["StatusMessage"] = "Your scores are saved. Nobody else on the panel can see them until moderation.";
        return Redirect($"/evaluation/{Id}");
    }

    /// <summary>Null when the page can be shown; otherwise what to answer instead.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await db.SeatAsync(Actor.Of(User), Id, ct) is not var (opportunity, evaluation, seat)) return NotFound();
        var envelope = (await reading.OpenedAsync(Id, ct)).FirstOrDefault(e => e.Response.Id == ResponseId);
        if (envelope is null) return NotFound();
        if (!seat.HasDeclared) return Redirect($"/evaluation/{Id}");
        if (seat.ConflictedWith(envelope.Response.ProviderId)) return NotFound();
        Opportunity = opportunity;
        Evaluation = evaluation;
        Seat = seat;
        ProviderName = envelope.ProviderName;
        var questionnaire = await EvaluationBoard.QuestionnaireAsync(db, Id, ct);
        Questions = questionnaire is null ? [] : EvaluationBoard.ScoredQuestions(questionnaire).Where(q => seat.Scores(q.Id)).ToList();
        var ids = Questions.Select(q => q.Id).ToList();
        // Only the answers to this member's questions are read: never prices, documents or other answers.
        Answers = await db.TenderAnswers.AsNoTracking().Where(a => a.OpportunityId == Id && a.ResponseId == ResponseId && ids.Contains(a.QuestionId))
            .ToDictionaryAsync(a => a.QuestionId, a => a.Text, ct);
        return null;
    }
}
