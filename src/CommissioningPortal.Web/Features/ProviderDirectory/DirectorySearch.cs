using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>What a person asks the directory for. Every filter is optional.</summary>
public sealed record DirectoryQuery
{
    public Guid? Locality { get; init; }
    public string? ClientGroup { get; init; }
    public string? SupportType { get; init; }
    public ProviderKind? Kind { get; init; }
    public bool VerifiedOnly { get; init; }
    public bool CapacityNow { get; init; }

    /// <summary>The most a person will pay per <see cref="RateUnit"/>, in pence.</summary>
    public int? MaxRatePence { get; init; }

    public RateUnit RateUnit { get; init; } = RateUnit.PerHour;
    public string? Language { get; init; }

    /// <summary>Only providers on the framework of this authority (see <see cref="FrameworkDirectory"/>).</summary>
    public Guid? OnFrameworkOf { get; init; }

    public string? Text { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>The words of the free text, lower case, at most five (each must appear).</summary>
    public IReadOnlyList<string> Words =>
        string.IsNullOrWhiteSpace(Text)
            ? []
            : Text.ToLowerInvariant().Split((char[])[' ', ',', '.', ';', ':', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => w.Length > 1).Distinct().Take(5).ToList();

    /// <summary>Tag filters, most selective first: the first drives the query, the rest are point look-ups.</summary>
    public IReadOnlyList<string> Tags()
    {
        var tags = new List<string>();
        if (Locality is { } locality) tags.Add(ServiceTag.ForLocality(locality));
        if (!string.IsNullOrEmpty(Language)) tags.Add(ServiceTag.ForLanguage(Language));
        if (!string.IsNullOrEmpty(SupportType)) tags.Add(ServiceTag.ForSupportType(SupportType));
        if (!string.IsNullOrEmpty(ClientGroup)) tags.Add(ServiceTag.ForClientGroup(ClientGroup));
        if (Kind is { } kind) tags.Add(ServiceTag.ForKind(kind));
        return tags;
    }
}

public sealed record DirectoryResult(
    Guid ServiceId, string ServiceName, string Description, Guid ProviderId, string ProviderName, ProviderKind Kind,
    bool Verified, int? HoursFreePerWeek, DateOnly? EarliestStart, DateTimeOffset? CapacityConfirmedAt,
    bool CapacityNow, bool CapacityStale, IReadOnlyList<ServiceRate> Rates, IReadOnlyList<string> SupportTypes, IReadOnlyList<string> ClientGroups)
{
    public string RatesText => Rates.Count == 0
        ? "Ask the provider"
        : string.Join("; ", Rates.Select(r => r.Text));
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryResult> Results, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Labels for the directory's filters: client groups, support types, authorities and their localities.</summary>
public sealed record DirectoryReference(
    IReadOnlyList<ReferenceTerm> ClientGroups, IReadOnlyList<ReferenceTerm> SupportTypes,
    IReadOnlyList<(Authority Authority, IReadOnlyList<Locality> Localities)> Areas)
{
    public string Label(string scheme, string code) =>
        (scheme == ReferenceSchemes.ClientGroup ? ClientGroups : SupportTypes).FirstOrDefault(t => t.Code == code)?.Label ?? code;

    public Locality? LocalityById(Guid id) => Areas.SelectMany(a => a.Localities).FirstOrDefault(l => l.Id == id);

    /// <summary>
    /// The area list's optgroups and options (~130 areas), encoded once per cached reference instead
    /// of on every page; <paramref name="selected"/> (the typed locality) gets selected="selected".
    /// </summary>
    public IHtmlContent AreaOptions(string? selected) => new AreaOptionsHtml(_areaMarkup ??= AreaMarkup(Areas), selected);

    private (string Html, string? Id)[]? _areaMarkup;

    private static (string Html, string? Id)[] AreaMarkup(IReadOnlyList<(Authority Authority, IReadOnlyList<Locality> Localities)> areas)
    {
        var encoder = HtmlEncoder.Default;
        var parts = new List<(string, string?)>();
        foreach (var (authority, localities) in areas)
        {
            parts.Add(($"<optgroup label=\"{encoder.Encode(authority.Name)}\">", null));
            foreach (var locality in localities)
            {
                var id = locality.Id.ToString();
                parts.Add(($"<option value=\"{encoder.Encode(id)}\">{encoder.Encode(locality.Name)}</option>", id));
            }
            parts.Add(("</optgroup>", null));
        }
        return [.. parts];
    }

    private sealed class AreaOptionsHtml((string Html, string? Id)[] parts, string? selected) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            foreach (var (html, id) in parts)
            {
                if (id is not null && id == selected)
                {
                    // <option value="…">Name</option> → <option value="…" selected="selected">Name</option>
                    var close = html.IndexOf('>', StringComparison.Ordinal);
                    writer.Write(html.AsSpan(0, close));
                    writer.Write(" selected=\"selected\"");
                    writer.Write(html.AsSpan(close));
                }
                else
                {
                    writer.Write(html);
                }
            }
        }
    }
}

/// <summary>
/// The provider directory's search. Filters are seeks in the (Tag, ServiceId) key of
/// ServiceTags — the most selective one drives, the others are point look-ups — so a search costs
/// what it finds, not what the directory holds (20,000 providers and 60,000 services on SQLite).
/// Results are ordered by fit: words in the service's name, then verified providers, capacity
/// now, recently confirmed capacity. Never by price.
/// </summary>
public sealed class DirectorySearch(PortalDbContext db, IMemoryCache cache)
{
    public const int PageSize = 20;

    public async Task<DirectoryReference> ReferenceAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("directory-reference", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var terms = await db.ReferenceTerms.AsNoTracking()
                .Where(t => t.Scheme == ReferenceSchemes.ClientGroup || t.Scheme == ReferenceSchemes.SupportType)
                .OrderBy(t => t.SortOrder).ToListAsync(ct);
            var authorities = await db.Authorities.AsNoTracking().Include(a => a.Localities).OrderBy(a => a.Name).ToListAsync(ct);
            return new DirectoryReference(
                terms.Where(t => t.Scheme == ReferenceSchemes.ClientGroup).ToList(),
                terms.Where(t => t.Scheme == ReferenceSchemes.SupportType).ToList(),
                authorities.Select(a => (a, (IReadOnlyList<Locality>)a.Localities.OrderBy(l => l.Name).ToList())).ToList());
        }))!;

    /// <summary>Services matching every filter, as an unordered query (for counting and ordering).</summary>
    public IQueryable<Service> Matching(DirectoryQuery query, DateOnly today)
    {
        var services = db.Services.AsNoTracking();
        var tags = query.Tags();
        if (tags.Count > 0)
        {
            // Intersect in the tag index first (covering seeks), then read only the services that have every tag.
            var first = tags[0];
            var ids = db.ServiceTags.Where(t => t.Tag == first);
            foreach (var tag in tags.Skip(1))
            {
                ids = ids.Where(t => db.ServiceTags.Any(o => o.Tag == tag && o.ServiceId == t.ServiceId));
            }
            services = services.Where(s => ids.Select(t => t.ServiceId).Contains(s.Id));
        }
        if (query.OnFrameworkOf is { } authorityId)
        {
            // A semi-join on an uncorrelated sub-query: the authority's admitted providers are read once.
            var members = FrameworkDirectory.AdmittedProviderIds(db, authorityId, today);
            services = services.Where(s => members.Contains(s.ProviderId));
        }
        if (query.CapacityNow)
        {
            services = services.Where(s => s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today));
        }
        if (query.MaxRatePence is { } max)
        {
            var unit = query.RateUnit;
            services = services.Where(s => db.ServiceRates.Any(r => r.ServiceId == s.Id && r.Unit == unit && r.AmountPence <= max &&
                                                                    r.EffectiveFrom <= today && (r.EffectiveTo == null || r.EffectiveTo >= today)));
        }
        foreach (var word in query.Words)
        {
            services = services.Where(s => s.SearchText.Contains(word));
        }
        if (query.VerifiedOnly)
        {
            services = services.Where(s => s.ProviderVerifiedThrough >= today);
        }
        return services;
    }

    /// <summary>Above this many candidates, counting and ordering stay in the database.</summary>
    private const int InMemoryLimit = 4_000;

    /// <summary>How long a page of the unfiltered directory (or only "verified"/"capacity now") is reused.</summary>
    public static readonly TimeSpan BrowsePageLifetime = TimeSpan.FromSeconds(30);

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, DateTimeOffset now, CancellationToken ct, int pageSize = PageSize)
    {
        // Browsing without a tag, a word or a price counts and orders every service in the
        // directory: the same few pages for everyone who lands on /directory, so keep each briefly.
        if (query.Tags().Count == 0 && query.Words.Count == 0 && query.MaxRatePence is null && query.OnFrameworkOf is null)
        {
            var key = ("directory-browse", query with { RateUnit = RateUnit.PerHour }, DateOnly.FromDateTime(now.UtcDateTime), pageSize);
            return (await cache.GetOrCreateAsync(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = BrowsePageLifetime;
                return SearchUncachedAsync(query, now, ct, pageSize);
            }))!;
        }
        return await SearchUncachedAsync(query, now, ct, pageSize);
    }

    private async Task<DirectoryPage> SearchUncachedAsync(DirectoryQuery query, DateTimeOffset now, CancellationToken ct, int pageSize)
    {
        // Its three or four queries share one connection instead of each taking one from the pool and giving it back.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SearchOnOpenConnectionAsync(query, now, ct, pageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<DirectoryPage> SearchOnOpenConnectionAsync(DirectoryQuery query, DateTimeOffset now, CancellationToken ct, int pageSize)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var matching = Matching(query, today);
        if (query.Tags().Count > 0 || query.OnFrameworkOf is not null)
        {
            // A tag filter (or an authority's framework) bounds the matches (a locality has about a thousand services): read their
            // sort keys once and count, order and page them here, instead of running the filter twice.
            var keys = await matching.Select(s => new FitKey(s.Id, s.Name, s.ProviderVerifiedThrough, s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt))
                .Take(InMemoryLimit + 1).ToListAsync(ct);
            if (keys.Count <= InMemoryLimit)
            {
                var (count, number) = Clamp(keys.Count, query.Page, pageSize);
                var ids = InFitOrder(keys, query, now).Skip((number - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();
                return new DirectoryPage(await RowsAsync(ids, now, ct), count, number, pageSize);
            }
        }
        var total = await matching.CountAsync(ct);
        var (_, page) = Clamp(total, query.Page, pageSize);
        var results = total == 0 ? [] : await RowsAsync(await Ordered(matching, query, now).Skip((page - 1) * pageSize).Take(pageSize).Select(s => s.Id).ToListAsync(ct), now, ct);
        return new DirectoryPage(results, total, page, pageSize);
    }

    private static (int Total, int Page) Clamp(int total, int page, int pageSize) =>
        (total, Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize)));

    private sealed record FitKey(Guid Id, string Name, DateOnly? VerifiedThrough, int? HoursFreePerWeek, DateOnly? EarliestStart, DateTimeOffset? CapacityConfirmedAt);

    /// <summary>The same order as <see cref="Ordered"/>, in memory.</summary>
    private static IEnumerable<FitKey> InFitOrder(List<FitKey> keys, DirectoryQuery query, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshSince = now - Service.CapacityFreshFor;
        var first = query.Words.FirstOrDefault();
        return keys
            .OrderByDescending(k => first is not null && k.Name.Contains(first, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(k => k.VerifiedThrough >= today)
            .ThenByDescending(k => k.HoursFreePerWeek > 0 && (k.EarliestStart == null || k.EarliestStart <= today))
            .ThenByDescending(k => k.CapacityConfirmedAt >= freshSince)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .ThenBy(k => k.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal);
    }

    /// <summary>Every match in fit order (the CSV download), up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DirectoryResult>> AllAsync(DirectoryQuery query, DateTimeOffset now, int limit, CancellationToken ct) =>
        await RowsAsync(await Ordered(Matching(query, DateOnly.FromDateTime(now.UtcDateTime)), query, now).Take(limit).Select(s => s.Id).ToListAsync(ct), now, ct);

    /// <summary>
    /// Fit order over the service's own columns only (the provider's verification is copied onto
    /// the service), so with few filters SQLite walks IX_Services_Fit instead of sorting wide rows.
    /// </summary>
    private static IQueryable<Service> Ordered(IQueryable<Service> matching, DirectoryQuery query, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshSince = now - Service.CapacityFreshFor;
        var words = query.Words;
        var first = words.Count > 0 ? words[0] : "";
        var ordered = words.Count > 0
            ? matching.OrderByDescending(s => s.Name.ToLower().Contains(first)).ThenByDescending(s => s.ProviderVerifiedThrough >= today)
            : matching.OrderByDescending(s => s.ProviderVerifiedThrough >= today);
        return ordered
            .ThenByDescending(s => s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today))
            .ThenByDescending(s => s.CapacityConfirmedAt >= freshSince)
            .ThenBy(s => s.Name)
            .ThenBy(s => s.Id);
    }

    /// <summary>The page's rows, their providers and rates, in the order of <paramref name="ids"/>.</summary>
    private async Task<List<DirectoryResult>> RowsAsync(List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (ids.Count == 0) return [];
        // One query for the services with their providers' names (a join, not a second round trip),
        // one for their rates: both compiled once, as their shape never changes.
        var queries = Queries;
        var rows = new Dictionary<Guid, Row>(ids.Count);
        await foreach (var row in queries.Rows(db, ids).WithCancellation(ct)) rows[row.ServiceId] = row;
        var rates = new List<ServiceRate>();
        await foreach (var rate in queries.Rates(db, ids).WithCancellation(ct))
        {
            if (rate.IsEffectiveOn(today)) rates.Add(rate);
        }
        var ratesOf = rates.ToLookup(r => r.ServiceId);
        return ids.Where(rows.ContainsKey).Select(id =>
        {
            var r = rows[id];
            return new DirectoryResult(
                r.ServiceId, r.ServiceName, r.Description, r.ProviderId, r.ProviderName, r.Kind,
                r.VerifiedThrough is { } through && today <= through, r.HoursFreePerWeek, r.EarliestStart, r.CapacityConfirmedAt,
                r.HoursFreePerWeek > 0 && (r.EarliestStart is null || r.EarliestStart <= today), Service.IsStale(r.CapacityConfirmedAt, now),
                ratesOf[r.ServiceId].OrderBy(x => x.Unit).ToList(), r.SupportTypes, r.ClientGroups);
        }).ToList();
    }

    /// <summary>
    /// The page-rows and rates queries, compiled once per model: a compiled query is bound to the
    /// model it first ran with, and one process can host portals on different databases (the tests do).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, PageQueries> Compiled = new();

    private PageQueries Queries => Compiled.GetValue(db.Model, static _ => new PageQueries());

    private sealed class PageQueries
    {
        public readonly Func<PortalDbContext, List<Guid>, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery(
            (PortalDbContext db, List<Guid> ids) =>
                from s in db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
                join p in db.Providers.AsNoTracking() on s.ProviderId equals p.Id
                select new Row
                {
                    ServiceId = s.Id, ServiceName = s.Name, Description = s.Description, ProviderId = s.ProviderId,
                    ProviderName = p.Name, Kind = p.Kind,
                    VerifiedThrough = s.ProviderVerifiedThrough, HoursFreePerWeek = s.HoursFreePerWeek,
                    EarliestStart = s.EarliestStart, CapacityConfirmedAt = s.CapacityConfirmedAt,
                    SupportTypes = s.SupportTypes, ClientGroups = s.ClientGroups,
                });

        public readonly Func<PortalDbContext, List<Guid>, IAsyncEnumerable<ServiceRate>> Rates = EF.CompileAsyncQuery(
            (PortalDbContext db, List<Guid> ids) => db.ServiceRates.AsNoTracking().Where(r => ids.Contains(r.ServiceId)));
    }

    private sealed class Row
    {
        public Guid ServiceId { get; init; }
        public string ServiceName { get; init; } = "";
        public string Description { get; init; } = "";
        public Guid ProviderId { get; init; }
        public string ProviderName { get; init; } = "";
        public ProviderKind Kind { get; init; }
        public DateOnly? VerifiedThrough { get; init; }
        public int? HoursFreePerWeek { get; init; }
        public DateOnly? EarliestStart { get; init; }
        public DateTimeOffset? CapacityConfirmedAt { get; init; }
        public List<string> SupportTypes { get; init; } = [];
        public List<string> ClientGroups { get; init; } = [];
    }
}
