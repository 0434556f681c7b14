using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// <c>/tendering/{id}/clarifications</c>: the commissioner's questions from providers — unanswered first, each with a
/// form to answer for everyone (the question may be reworded so the asker cannot be told) or privately with a reason — and a CSV.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ClarificationsModel(PortalDbContext db, AnswerQuestion answer) : PageModel
{
    public sealed record Row(Clarification Clarification, string ProviderName);

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Guid ClarificationId { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? PublishedQuestion { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? PrivateReason { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var bytes = Csv.Bytes(["Asked", "Provider", "Question", "Status", "Question as published", "Answer", "Reason it is private", "Answered", "Answered by"], Rows, r =>
        [
            r.Clarification.AskedAt, r.ProviderName, r.Clarification.Question, Status(r.Clarification), r.Clarification.PublishedQuestion, r.Clarification.Answer,
            r.Clarification.PrivateReason, r.Clarification.AnsweredAt, r.Clarification.AnsweredBy,
        ]);
        return File(bytes, Csv.ContentType, $"questions-{Id:N}.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await answer.HandleAsync(Id, new AnswerQuestion.Input(ClarificationId, To != "private", PublishedQuestion, Answer, PrivateReason), Actor.Of(User), ct);
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(ct)) return NotFound();
            return this.Refused(result);
        }
        TempData["StatusMessage"] = result.Value!.Visibility == ClarificationVisibility.ToAll
            ? "Answered for everyone: it is on the opportunity's page without the asker's name, and providers taking part have been e-mailed."
            : "Answered privately: only the provider who asked has been e-mailed. Your reason is recorded.";
        return Redirect($"/tendering/{Id}/clarifications");
    }

    public static string Status(Clarification c) => c.Visibility switch
    {
        ClarificationVisibility.ToAll => "Answered for everyone",
        ClarificationVisibility.Private => "Answered privately",
        _ => "Not answered",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        var rows = await (from c in db.Clarifications.AsNoTracking()
                          join p in db.Providers on c.ProviderId equals p.Id
                          where c.OpportunityId == Id
                          select new { c, p.Name }).ToListAsync(ct);
        Rows = rows.OrderBy(r => r.c.IsAnswered).ThenBy(r => r.c.AskedAt).Select(r => new Row(r.c, r.Name)).ToList();
        return true;
    }
}
