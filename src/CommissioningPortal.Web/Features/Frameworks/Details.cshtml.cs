using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}</c>: a framework, its lots and their providers, with what can be done next; members as CSV.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class DetailsModel(PortalDbContext db, DirectorySearch search, TimeProvider clock) : PageModel
{
    public sealed record Member(LotMember Row, string ProviderName, ProviderKind Kind, bool Verified);

    public Framework Framework { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, IReadOnlyList<Member>> Members { get; private set; } = new Dictionary<Guid, IReadOnlyList<Member>>();
    public DirectoryReference Reference { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyDictionary<Guid, string> LocalityNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetMembersAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rows = Framework.Lots.SelectMany(l => Members[l.Id].Select(m => (Lot: l, Member: m)));
        return File(Csv.Bytes(
            ["Lot", "Lot title", "Provider", "Kind of provider", "Verified", "Status", "Reason", "Admitted on", "Rate", "Counts as on the framework today", "Profile", "Later rates"], rows,
            r => [r.Lot.Number, r.Lot.Title, r.Member.ProviderName, Provider.KindDisplayName(r.Member.Kind), r.Member.Verified,
                  LotMember.StatusDisplayName(r.Member.Row.Status), r.Member.Row.StatusReason, r.Member.Row.AdmittedOn.ToString("yyyy-MM-dd"),
                  r.Member.Row.RateOn(Today)?.Text, FrameworkMembership.Counts(Framework, r.Member.Row, Framework.AuthorityId, Today),
                  $"{Request.Scheme}://{Request.Host}/directory/{r.Member.Row.ProviderId}",
                  string.Join("; ", r.Member.Row.RatesAfter(Today).Select(x => $"{x.Text} from {x.EffectiveFrom:yyyy-MM-dd}"))]),
            Csv.ContentType, $"framework-{Framework.Reference}-members.csv");
    }

    public string LotScope(Lot lot)
    {
        var parts = new List<string>();
        parts.Add(lot.SupportType is null ? "Any type of support" : Reference.Label(ReferenceSchemes.SupportType, lot.SupportType));
        parts.Add(lot.ClientGroup is null ? "anyone" : "for " + Reference.Label(ReferenceSchemes.ClientGroup, lot.ClientGroup));
        parts.Add(lot.LocalityIds.Count == 0 ? "every locality" : "in " + string.Join(", ", lot.LocalityIds.Select(l => LocalityNames.GetValueOrDefault(l, "a former locality"))));
        return string.Join("; ", parts);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().Include(f => f.Lots.OrderBy(l => l.Number)).ThenInclude(l => l.Members).ThenInclude(m => m.Rates).Include(f => f.Rounds)
            .AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        Framework = framework;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Reference = await search.ReferenceAsync(ct);
        LocalityNames = await db.Localities.AsNoTracking().Where(l => l.AuthorityId == framework.AuthorityId).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var providerIds = framework.Lots.SelectMany(l => l.Members).Select(m => m.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Members = framework.Lots.ToDictionary(l => l.Id, l => (IReadOnlyList<Member>)l.Members
            .Select(m => new Member(m, providers[m.ProviderId].Name, providers[m.ProviderId].Kind, providers[m.ProviderId].IsVerifiedOn(Today)))
            .OrderBy(m => m.Row.Status).ThenBy(m => m.ProviderName, StringComparer.OrdinalIgnoreCase).ToList());
        return true;
    }
}
