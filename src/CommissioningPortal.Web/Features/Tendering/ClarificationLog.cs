using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>The opportunity page's questions and answers (those answered for everyone, the asker never named) and how to respond.</summary>
public sealed class ClarificationLogViewComponent(PortalDbContext db) : ViewComponent
{
    public sealed record Model(Guid OpportunityId, bool Published, bool TakesResponses, IReadOnlyList<Clarification> Answered);

    public async Task<IViewComponentResult> InvokeAsync(Guid opportunityId, bool published)
    {
        var answered = await db.Clarifications.AsNoTracking()
            .Where(c => c.OpportunityId == opportunityId && c.Visibility == ClarificationVisibility.ToAll)
            .OrderBy(c => c.AnsweredAt).ToListAsync();
        var takesResponses = published && await db.Questionnaires.AnyAsync(q => q.OpportunityId == opportunityId);
        return View("/Features/Tendering/_ClarificationLog.cshtml", new Model(opportunityId, published, takesResponses, answered));
    }
}
