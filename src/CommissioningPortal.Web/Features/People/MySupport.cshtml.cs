namespace CommissioningPortal.Web.Features.People;

/// <summary>A supported person's (or representative's) home: their agreements, and which wait for them.</summary>
[Authorize(Policy = Policies.Person)]
public sealed class MySupportModel(PortalDbContext db) : PageModel
{
    public sealed record AgreementRow(Guid Id, string Reference, string Provider, bool WaitingForYou);

    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        Agreements = await (from a in db.IsfAgreements.AsNoTracking()
                            join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                            join pr in db.Providers.AsNoTracking() on a.ProviderId equals pr.Id
                            join i in db.WorkflowInstances.AsNoTracking() on a.WorkflowInstanceId equals i.Id
                            where p.UserId == userId || p.RepresentativeUserId == userId
                            orderby a.CreatedAt descending
                            select new AgreementRow(a.Id, a.Reference, pr.Name, i.State == "offered")).ToListAsync(ct);
    }
}
