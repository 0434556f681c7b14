using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary><c>/tenders/{id}/feedback</c>: a bidder's own feedback letter, once sent (its text and PDF). Another provider's is not found.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class FeedbackModel(PortalDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public FeedbackLetter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? File(Letter.Pdf!, "application/pdf", $"feedback-{Id:N}.pdf") : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Actor.Of(User).ProviderId is not { } providerId) return false;
        var letter = await db.FeedbackLetters.AsNoTracking().FirstOrDefaultAsync(l => l.OpportunityId == Id && l.ProviderId == providerId && l.SentAt != null, ct);
        var opportunity = letter is null ? null : await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (letter is null || opportunity is null) return false;
        Letter = letter;
        Opportunity = opportunity;
        return true;
    }
}
