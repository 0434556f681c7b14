using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>The market map's drill-down: the providers behind one cell (a locality, client group, type of support or kind).</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ProvidersModel(InsightAccess access, InsightQueries queries, PortalDbContext db) : PageModel
{
    public const int Most = 500;

    public Authority Authority { get; private set; } = null!;
    public List<InsightQueries.MarketProvider> Providers { get; private set; } = [];
    public List<string> Filters { get; } = [];
    public string Root => $"/authority/{Authority.Code}/insight";

    public async Task<IActionResult> OnGetAsync(string authority, Guid? locality, string? clientGroup, string? supportType, int? kind, CancellationToken ct)
    {
        if (await access.LoadAsync(authority, User, ct) is not { } a) return NotFound();
        Authority = a;
        if (kind is { } k && !Enum.IsDefined((ProviderKind)k)) return BadRequest();
        if (locality is { } l)
        {
            var name = await db.Localities.AsNoTracking().Where(x => x.Id == l && x.AuthorityId == a.Id).Select(x => x.Name).FirstOrDefaultAsync(ct);
            if (name is null) return NotFound();
            Filters.Add($"Locality: {name}");
        }
        if (clientGroup is not null) Filters.Add($"Client group: {await LabelAsync(ReferenceSchemes.ClientGroup, clientGroup, ct)}");
        if (supportType is not null) Filters.Add($"Type of support: {await LabelAsync(ReferenceSchemes.SupportType, supportType, ct)}");
        if (kind is { } kk) Filters.Add($"Kind: {Provider.KindDisplayName((ProviderKind)kk)}");
        Providers = await queries.ProvidersAsync(a, locality, clientGroup, supportType, (ProviderKind?)kind, Most, ct);
        return Page();
    }

    private async Task<string> LabelAsync(string scheme, string code, CancellationToken ct) =>
        await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == scheme && t.Code == code).Select(t => t.Label).FirstOrDefaultAsync(ct) ?? code;
}
