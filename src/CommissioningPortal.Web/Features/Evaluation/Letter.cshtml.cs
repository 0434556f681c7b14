using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary><c>/tendering/{id}/letters/{responseId}</c>: one bidder's feedback letter — edit it, preview its PDF, send it through the outbox.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class LetterModel(PortalDbContext db, ResponseReading reading, EditLetter edit, SendLetter send) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid ResponseId { get; set; }
    [BindProperty] public string? Text { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public FeedbackLetter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Text = Letter.Text;
        return Page();
    }

    /// <summary>The PDF as it is (sent) or would be sent now (draft).</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Letter.Pdf is { } sent) return File(sent, "application/pdf", $"feedback-{ResponseId:N}.pdf");
        var evaluation = await db.Evaluations.AsNoTracking().AsSplitQuery().Include(e => e.Seats).Include(e => e.Consensus).Include(e => e.Exclusions).FirstAsync(e => e.Id == Letter.EvaluationId, ct);
        var board = await EvaluationBoard.BuildAsync(db, reading, Opportunity, evaluation, ct);
        var bidder = board?.Bidders.FirstOrDefault(b => b.Response.Id == ResponseId);
        if (bidder is null) return NotFound();
        return File(FeedbackLetters.Pdf(board!, bidder, Letter.Text), "application/pdf", $"feedback-{ResponseId:N}-draft.pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await edit.HandleAsync(Id, ResponseId, Text, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "The letter is saved. Preview it, then send it.";
        return Redirect($"/tendering/{Id}/letters/{ResponseId}");
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var result = await send.HandleAsync(Id, ResponseId, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = $"The letter to {result.Value!.ProviderName} is sent.";
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
        var letter = opportunity is null ? null : await db.FeedbackLetters.AsNoTracking().FirstOrDefaultAsync(l => l.OpportunityId == Id && l.ResponseId == ResponseId, ct);
        if (letter is null) return false;
        Opportunity = opportunity!;
        Letter = letter;
        return true;
    }
}
