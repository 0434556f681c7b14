using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// <c>/authority/{authority}/opportunities</c>: the commissioner's workspace: their authority's opportunities
/// by stage with counts, deadlines, unanswered questions from providers and open process tasks, soonest deadline
/// first, and as CSV. Links to <c>/tendering</c>, where questionnaires, questions and responses are handled.
/// </summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, OpportunityKind Kind, OpportunityStatus Status, DateTimeOffset? SubmissionDeadline, int Lots, int Documents, int OpenTasks, DateTimeOffset CreatedAt)
    {
        public int Unanswered { get; init; }
    }

    /// <summary>The stages the workspace groups by, in order; "open" and "past its deadline" split the published ones.</summary>
    public enum Stage { Draft, Open, DeadlinePassed, Closed, Cancelled }

    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public Stage StageOf(Row r) => r.Status switch
    {
        OpportunityStatus.Draft => Stage.Draft,
        OpportunityStatus.Published when r.SubmissionDeadline > Now => Stage.Open,
        OpportunityStatus.Published => Stage.DeadlinePassed,
        OpportunityStatus.Closed => Stage.Closed,
        _ => Stage.Cancelled,
    };

    public static string StageName(Stage s) => s switch
    {
        Stage.Draft => "Drafts",
        Stage.Open => "Open for responses",
        Stage.DeadlinePassed => "Deadline passed, not yet closed",
        Stage.Closed => "Closed",
        _ => "Cancelled",
    };

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct) => await LoadAsync(authority, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(string authority, CancellationToken ct)
    {
        if (!await LoadAsync(authority, ct)) return NotFound();
        return File(Csv.Bytes(["Title", "Kind", "Stage", "Submission deadline (UK time)", "Lots", "Documents", "Unanswered questions", "Open tasks", "Link"], Rows,
                r => [r.Title, OpportunityNames.Kind(r.Kind), StageName(StageOf(r)), UkTime.Format(r.SubmissionDeadline), r.Lots, r.Documents, r.Unanswered, r.OpenTasks,
                      $"{Request.Scheme}://{Request.Host}/authority/{Authority.Code}/opportunities/{r.Id}"]),
            Csv.ContentType, $"opportunities-{Authority.Code}.csv");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (found is null || found.Id != User.AuthorityIdOf()) return false;
        Authority = found;
        Now = clock.GetUtcNow();
        var rows = await db.Opportunities.AsNoTracking().Where(o => o.AuthorityId == found.Id)
            .Select(o => new { o.Id, o.Title, o.Kind, o.Status, o.SubmissionDeadline, Lots = o.Lots.Count, Documents = o.Documents.Count, o.CreatedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tasks = await OpportunityProcess.OpenTaskCountsAsync(db, found.Id, ids, ct);
        var unanswered = await db.Clarifications.AsNoTracking().Where(c => ids.Contains(c.OpportunityId) && c.Visibility == Domain.Tendering.ClarificationVisibility.Unanswered)
            .GroupBy(c => c.OpportunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = rows.Select(r => new Row(r.Id, r.Title, r.Kind, r.Status, r.SubmissionDeadline, r.Lots, r.Documents, tasks.GetValueOrDefault(r.Id), r.CreatedAt)
            {
                Unanswered = unanswered.GetValueOrDefault(r.Id),
            })
            .OrderBy(r => r.SubmissionDeadline ?? DateTimeOffset.MaxValue).ThenByDescending(r => r.CreatedAt).ToList();
        return true;
    }
}
