using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// Every published opportunity as the public list needs it, held in memory and filtered there. Counting and
/// ordering 5,000 rows and reading their JSON code lists on every request cost ~17 ms of CPU a page on SQLite;
/// filtering this list costs microseconds. It is read again whenever the change log has grown — every publication,
/// amendment, closure and cancellation writes a change, on whichever node made it — which one indexed count tells
/// (so a second node sees a publication at once, and a fake clock in tests cannot hide one), and at the latest after
/// <see cref="Lifetime"/> (for what the log does not record, such as an authority renamed).
/// </summary>
public sealed class PublishedOpportunities(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public sealed record Listed(Guid Id, string Title, string Summary, OpportunityKind Kind, string AuthorityCode, string Authority,
        IReadOnlyList<string> CpvCodes, IReadOnlyList<string> Localities, IReadOnlyList<string> ClientGroups, DateTimeOffset? SubmissionDeadline);

    private sealed record Snapshot(int Changes, DateTimeOffset ReadAt, IReadOnlyList<Listed> Rows);

    private Snapshot? _snapshot;
    private readonly SemaphoreSlim _reading = new(1, 1);

    /// <summary>Published opportunities, soonest submission deadline first (those without one last), then by title.</summary>
    public async Task<IReadOnlyList<Listed>> AllAsync(PortalDbContext db, CancellationToken ct)
    {
        var changes = await db.OpportunityChanges.CountAsync(ct);
        if (Fresh(_snapshot, changes) is { } current) return current.Rows;
        await _reading.WaitAsync(ct); // one read at a time: 32 requests arriving together read it once
        try
        {
            if (Fresh(_snapshot, changes) is { } again) return again.Rows;
            var rows = await db.Opportunities.AsNoTracking()
                .Where(o => o.Status == OpportunityStatus.Published)
                .Join(db.Authorities, o => o.AuthorityId, a => a.Id, (o, a) => new { o.Id, o.Title, o.Summary, o.Kind, a.Code, a.Name, o.CpvCodes, o.Localities, o.ClientGroups, o.SubmissionDeadline })
                .ToListAsync(ct);
            var listed = rows
                .Select(r => new Listed(r.Id, r.Title, r.Summary, r.Kind, r.Code, r.Name, r.CpvCodes, r.Localities, r.ClientGroups, r.SubmissionDeadline))
                .OrderBy(r => r.SubmissionDeadline is null).ThenBy(r => r.SubmissionDeadline).ThenBy(r => r.Title, StringComparer.Ordinal)
                .ToList();
            _snapshot = new Snapshot(changes, clock.GetUtcNow(), listed);
            return listed;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Snapshot? Fresh(Snapshot? snapshot, int changes) =>
        snapshot is not null && snapshot.Changes == changes && clock.GetUtcNow() - snapshot.ReadAt < Lifetime ? snapshot : null;
}
