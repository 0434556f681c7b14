using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>The agreements the user is party to: their authority's, their provider's, or their own.</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, WorkflowDefinitionRegistry definitions, AgreementService agreements) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string Person, string Provider, string Stage, int Version, DateTimeOffset CreatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayStart => agreements.MayOffer(User); // the definition says who offers

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Csv.Bytes(["Reference", "Person", "Provider", "Stage", "Version", "Started"], await LoadAsync(ct),
            r => [r.Reference, r.Person, r.Provider, r.Stage, r.Version, r.CreatedAt.ToString("yyyy-MM-dd")]), Csv.ContentType, "agreements.csv");

    private async Task<List<Row>> LoadAsync(CancellationToken ct)
    {
        var userId = AgreementAccess.UserIdOf(User);
        var authority = Roles.AuthorityStaff.Any(User.IsInRole) ? User.AuthorityIdOf() : null;
        var provider = User.IsInRole(Roles.ProviderUser) ? User.ProviderIdOf() : null;
        var admin = User.IsInRole(Roles.Administrator);
        var rows = await (from a in db.IsfAgreements.AsNoTracking()
                          join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                          join pr in db.Providers.AsNoTracking() on a.ProviderId equals pr.Id
                          join i in db.WorkflowInstances.AsNoTracking() on a.WorkflowInstanceId equals i.Id
                          where admin || (authority != null && a.AuthorityId == authority) || (provider != null && a.ProviderId == provider) ||
                                p.UserId == userId || p.RepresentativeUserId == userId
                          orderby a.CreatedAt descending
                          select new { a.Id, a.Reference, Person = p.Name, Provider = pr.Name, i.DefinitionId, i.DefinitionVersion, i.State, a.CurrentVersion, a.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.Reference, r.Person, r.Provider,
            definitions.Get(r.DefinitionId, r.DefinitionVersion).State(r.State)?.Title ?? r.State, r.CurrentVersion, r.CreatedAt)).ToList();
    }
}
