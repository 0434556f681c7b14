using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// <c>/evaluation/{id}</c>: a panel member's own page for one opportunity. First the declaration of interests (the bidders are
/// named, nothing of what they wrote); then the responses to score, less any the member is conflicted with, with the plain-language
/// scoring guide. Never a price, and never another member's score.
/// </summary>
[Authorize(Roles = Roles.Commissioner + "," + Roles.PanelMember)]
public sealed class MemberModel(PortalDbContext db, ResponseReading reading, DeclareInterests declare) : PageModel
{
    public sealed record Row(Guid ResponseId, Guid ProviderId, string ProviderName, int Scored);

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public List<Guid> ConflictedProviderIds { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public Domain.Evaluations.Evaluation Evaluation { get; private set; } = null!;
    public PanelSeat Seat { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int ToScore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await declare.HandleAsync(Id, new DeclareInterests.Input(ConflictedProviderIds, Note, Confirmed), Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
            return this.Refused(result);
        }
        TempData["StatusMessage"] = result.Value!.ConflictedProviderIds.Count == 0
            ? "Thank you. You have declared no conflicts of interest and can now score."
            : "Thank you. Your declaration is recorded; you will not see the responses of the bidders you named.";
        return Redirect($"/evaluation/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.SeatAsync(Actor.Of(User), Id, ct) is not var (opportunity, evaluation, seat)) return false;
        Opportunity = opportunity;
        Evaluation = evaluation;
        Seat = seat;
        var questionnaire = await EvaluationBoard.QuestionnaireAsync(db, Id, ct);
        ToScore = questionnaire is null ? 0 : EvaluationBoard.ScoredQuestions(questionnaire).Count(q => seat.Scores(q.Id));
        var mine = await db.EvaluatorScores.AsNoTracking().Where(s => s.EvaluationId == evaluation.Id && s.EvaluatorId == seat.UserId)
            .GroupBy(s => s.ResponseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = (await reading.OpenedAsync(Id, ct)).Select(e => new Row(e.Response.Id, e.Response.ProviderId, e.ProviderName, mine.GetValueOrDefault(e.Response.Id))).ToList();
        return true;
    }
}
