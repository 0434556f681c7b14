using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary><c>/tenders/{id}/questions</c>: a provider asks a question privately and sees its own questions and their answers.</summary>
[Authorize(Policy = Policies.ProviderUser)]
[OneTimeForm]
public sealed class QuestionsModel(PortalDbContext db, AskQuestion ask) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Question { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<Clarification> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await ask.HandleAsync(Id, Question, Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            if (!await LoadAsync(ct)) return NotFound();
            return this.Refused(result);
        }
        TempData["StatusMessage"] = "Your question is sent. Only the commissioner sees who asked it. You will get an e-mail when it is answered.";
        return Redirect($"/tenders/{Id}/questions");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.ProviderIdOf() is not { } providerId) return false;
        var opportunity = await db.OpenOpportunityAsync(Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        Mine = await db.Clarifications.AsNoTracking().Where(c => c.OpportunityId == Id && c.ProviderId == providerId).OrderBy(c => c.AskedAt).ToListAsync(ct);
        return true;
    }
}
