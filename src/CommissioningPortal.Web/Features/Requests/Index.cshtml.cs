using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>A provider's requests: the open ones its services match (anonymised) and those it offered for.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class IndexModel(PortalDbContext db, RequestMatching matching) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string Authority, string SupportType, DateOnly StartDate, bool Offered, RequestStatus Status);

    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var providerId = User.ProviderIdOf();
        var open = await db.SupportRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Open || r.Status == RequestStatus.ChoiceDeclined || r.Offers.Any(o => o.ProviderId == providerId))
            .OrderByDescending(r => r.PostedAt).Take(200).ToListAsync(ct);
        var authorities = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = new List<Row>();
        foreach (var r in open)
        {
            var offered = r.Offers.Any(o => o.ProviderId == providerId);
            if (offered || await matching.MatchesAsync(r, providerId!.Value, ct))
                rows.Add(new Row(r.Id, r.Reference, authorities[r.AuthorityId], r.SupportType, r.StartDate, offered, r.Status));
        }
        Requests = rows;
    }
}
