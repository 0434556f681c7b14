using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// <c>/tendering/{id}/moderation</c>: once scoring has closed, every evaluator's score and comment side by side for each answer,
/// large spreads highlighted, and the consensus score with its reason. Bidders the moderator declared a conflict with are left out.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ModerationModel(PortalDbContext db, ResponseReading reading, ModerationUseCases moderation) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Guid ResponseId { get; set; }
    [BindProperty] public Guid QuestionId { get; set; }
    [BindProperty] public string? Score { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public EvaluationBoard Board { get; private set; } = null!;
    public PanelSeat? Me { get; private set; }

    public IEnumerable<EvaluationBoard.Bidder> Visible => Board.Bidders.Where(b => Me is null || !Me.ConflictedWith(b.Response.ProviderId));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await moderation.RecordConsensusAsync(Id, new ModerationUseCases.ConsensusInput(ResponseId, QuestionId, Score, Reason), Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "Consensus score recorded.";
        return Redirect($"/tendering/{Id}/moderation#a-{ResponseId:N}-{QuestionId:N}");
    }

    public async Task<IActionResult> OnPostFinishAsync(CancellationToken ct)
    {
        var result = await moderation.FinishModerationAsync(Id, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "Moderation is finished. Check prices and totals, then decide the award.";
        return Redirect($"/tendering/{Id}/results");
    }

    private async Task<IActionResult> RefusedAsync<T>(UseCaseResult<T> result, CancellationToken ct)
    {
        if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        var evaluation = opportunity is null ? null : await db.Evaluations.AsNoTracking().AsSplitQuery().Include(e => e.Seats).Include(e => e.Consensus).Include(e => e.Exclusions)
            .FirstOrDefaultAsync(e => e.OpportunityId == Id, ct);
        // Until scoring closes nobody sees the scores side by side.
        if (evaluation is null || evaluation.Stage == EvaluationStage.Scoring) return false;
        var board = await EvaluationBoard.BuildAsync(db, reading, opportunity!, evaluation, ct);
        if (board is null) return false;
        Board = board;
        Me = evaluation.SeatOf(Actor.Of(User).UserId);
        return true;
    }
}
