using System.Security.Claims;
using CommissioningPortal.Domain.Evaluations;

namespace CommissioningPortal.Web.Features.Panel;

/// <summary>A lived-experience panel member's home: the evaluation panels they sit on, each with what is left to do.</summary>
[Authorize(Policy = Policies.PanelMember)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Task(Guid OpportunityId, string Title, bool Declared, EvaluationStage Stage);

    public IReadOnlyList<Task> Tasks { get; private set; } = [];

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await (from e in db.Evaluations.AsNoTracking()
                          from s in e.Seats
                          join o in db.Opportunities on e.OpportunityId equals o.Id
                          where s.UserId == userId
                          select new { e.OpportunityId, o.Title, s.DeclaredAt, e.Stage }).ToListAsync(ct);
        Tasks = rows.OrderBy(r => r.Stage).ThenBy(r => r.Title).Select(r => new Task(r.OpportunityId, r.Title, r.DeclaredAt != null, r.Stage)).ToList();
    }
}
