using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>What the public page of an opportunity shows, for the page itself and the commissioner's preview.</summary>
/// <param name="Preview">The commissioner's preview: documents are listed but not yet linked, and nothing can be followed.</param>
public sealed record OpportunityView(Opportunity Opportunity, string AuthorityName, string? DescriptionHtml, IReadOnlyDictionary<string, string> Names, bool Preview)
{
    /// <summary>A locality, client group or support type code in words (the code itself when unknown).</summary>
    public string Name(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>The names of the reference terms and the authority's localities an opportunity uses.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(PortalDbContext db, Opportunity o, CancellationToken ct)
    {
        var codes = o.ClientGroups.Concat(o.SupportTypes).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in await db.ReferenceTerms.AsNoTracking().Where(t => codes.Contains(t.Code)).Select(t => new { t.Code, t.Label }).ToListAsync(ct))
            names.TryAdd(t.Code, t.Label);
        foreach (var l in await db.Localities.AsNoTracking().Where(l => l.AuthorityId == o.AuthorityId && o.Localities.Contains(l.Code)).Select(l => new { l.Code, l.Name }).ToListAsync(ct))
            names.TryAdd("locality:" + l.Code, l.Name);
        var cpv = await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == Domain.Reference.ReferenceSchemes.Cpv).Select(t => new { t.Code, t.Label }).ToListAsync(ct);
        foreach (var c in cpv) names.TryAdd("cpv:" + c.Code.Split('-')[0], $"{c.Code} {c.Label}");
        return names;
    }
}
