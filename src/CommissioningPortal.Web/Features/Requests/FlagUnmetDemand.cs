using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Web.Features.Email;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>
/// A request that has waited its authority's target time (<see cref="Domain.Tenancy.Authority.OfferTargetDays"/>)
/// with no offer is unmet demand: it is marked so, once, and the authority's commissioners are e-mailed. Each is
/// claimed with a conditional update in the same transaction as its e-mails, so with several nodes running this
/// each request is flagged and told exactly once, and never without its e-mails.
/// </summary>
public sealed class FlagUnmetDemand(PortalDbContext db, IWorkflowRoleDirectory roles, IEmailOutbox outbox, PublicLinks links) : IScheduledWork
{
    public const string Kind = "unmet-demand";

    /// <summary>Flags what is due at <paramref name="now"/>; returns how many requests were flagged.</summary>
    public async Task<int> HandleAsync(DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.SupportRequests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.UnmetAt == null && r.Status == RequestStatus.Open && !r.Offers.Any())
            .Join(db.Authorities, r => r.AuthorityId, a => a.Id, (r, a) => new { r.Id, r.Reference, r.PostedAt, r.AuthorityId, a.OfferTargetDays })
            .ToListAsync(ct);
        var due = waiting.Where(w => SupportRequest.WaitedTooLong(w.PostedAt, w.OfferTargetDays, now)).ToList();
        if (due.Count == 0) return 0;
        var authorityIds = due.Select(d => d.AuthorityId).Distinct().ToList();
        var commissioners = new Dictionary<Guid, IReadOnlyList<WorkflowRecipient>>();
        foreach (var authorityId in authorityIds) commissioners[authorityId] = await roles.HoldersAsync(Roles.Commissioner, authorityId, ct);
        var flagged = 0;
        foreach (var request in due)
        {
            var id = request.Id;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SupportRequests.Where(r => r.Id == id && r.UnmetAt == null && r.Status == RequestStatus.Open && !r.Offers.Any())
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UnmetAt, now), ct);
            if (claimed == 0) continue; // another node flagged it, or an offer came meanwhile
            foreach (var user in commissioners[request.AuthorityId])
            {
                outbox.Enqueue(new EmailMessage(user.Email, user.Name, $"No offer for request {request.Reference} after {request.OfferTargetDays} days",
                    $"""
                    Hello {user.Name},

                    Request {request.Reference} was posted {request.OfferTargetDays} days ago and no provider has offered. It now counts as unmet demand.

                    The person is still waiting for support. You might ask providers on your framework directly, widen the request with the practitioner, or commission new capacity.

                    Read the request: {links.To($"/requests/{request.Id}")}
                    """, null, Kind));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            flagged++;
        }
        return flagged;
    }
}
