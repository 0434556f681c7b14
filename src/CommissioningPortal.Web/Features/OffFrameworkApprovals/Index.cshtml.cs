namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>The authority's off-framework approvals, waiting ones first, each with the date its decision is due.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(Guid InstanceId, string Title, string State, DateTimeOffset StartedAt, DateTimeOffset? DueAt);

    public IReadOnlyList<Row> Approvals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf();
        var rows = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == Requests.ChooseOffer.ApprovalProcess && i.AuthorityId == authorityId)
            .Select(i => new { i.Id, i.Title, i.State, i.StartedAt, Due = db.WorkItems.Where(w => w.InstanceId == i.Id && w.ClosedAt == null).Select(w => w.DueAt).FirstOrDefault() })
            .ToListAsync(ct);
        Approvals = rows.Select(r => new Row(r.Id, r.Title, r.State, r.StartedAt, r.Due))
            .OrderBy(r => r.State is "approved" or "declined").ThenBy(r => r.StartedAt).ToList();
    }
}
