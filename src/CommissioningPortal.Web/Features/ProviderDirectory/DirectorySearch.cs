using System.Globalization;
using System.Text;
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
    bool CapacityNow, bool CapacityStale, IReadOnlyList<DirectoryIndex.Rate> Rates, IReadOnlyList<string> SupportTypes, IReadOnlyList<string> ClientGroups)
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
/// The provider directory's search, over the in-memory <see cref="DirectoryIndex"/>: the most
/// selective tag's services are checked against the other filters there, so a search costs what it
/// finds, not what the directory holds (20,000 providers and 60,000 services), and asks the database
/// only whether anything changed and for the page's rows. Results are ordered by fit: words in the
/// service's name, then verified providers, capacity now, recently confirmed capacity. Never by price.
/// </summary>
public sealed class DirectorySearch(PortalDbContext db, IMemoryCache cache, DirectoryIndex index)
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

    /// <summary>How long a page of the unfiltered directory (or only "verified"/"capacity now") is reused.</summary>
    public static readonly TimeSpan BrowsePageLifetime = TimeSpan.FromSeconds(30);

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, DateTimeOffset now, CancellationToken ct, int pageSize = PageSize)
    {
        // Browsing without a tag, a word or a price orders every service in the directory: the same
        // few pages for everyone who lands on /directory, so keep each briefly.
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
        // Its two or three queries share one connection instead of each taking one from the pool and giving it back.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var matches = await MatchesAsync(query, now, ct);
            var (count, number) = Clamp(matches.Count, query.Page, pageSize);
            return new DirectoryPage(await RowsAsync(InFitOrder(matches, (number - 1) * pageSize, pageSize), now, ct), count, number, pageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every match in fit order (the CSV download), up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DirectoryResult>> AllAsync(DirectoryQuery query, DateTimeOffset now, int limit, CancellationToken ct) =>
        await RowsAsync(InFitOrder(await MatchesAsync(query, now, ct), 0, limit), now, ct);

    /// <summary>Services matching every filter, each with its place in the fit order's first keys.</summary>
    private async Task<List<Fit>> MatchesAsync(DirectoryQuery query, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The authority's admitted providers are read once (a few hundred at most).
        HashSet<Guid>? members = query.OnFrameworkOf is { } authorityId
            ? [.. await FrameworkDirectory.AdmittedProviderIds(db, authorityId, today).ToListAsync(ct)]
            : null;
        var words = query.Words.Select(Encoding.UTF8.GetBytes).ToArray();
        var (max, unit, capacityNow, verifiedOnly) = (query.MaxRatePence, query.RateUnit, query.CapacityNow, query.VerifiedOnly);
        var found = await index.FindAsync(db, query.Tags(), e =>
            (members is null || members.Contains(e.ProviderId)) &&
            (!capacityNow || HasCapacityOn(e, today)) &&
            (max is null || e.Rates.Any(r => r.Unit == unit && r.AmountPence <= max && r.IsEffectiveOn(today))) &&
            words.All(e.Says) &&
            (!verifiedOnly || e.VerifiedThrough >= today), ct);
        var first = query.Words.FirstOrDefault();
        var freshSince = now - Service.CapacityFreshFor;
        return found.ConvertAll(e => new Fit(
            (first is not null && e.Name.Contains(first, StringComparison.OrdinalIgnoreCase) ? 8 : 0) |
            (e.VerifiedThrough >= today ? 4 : 0) | (HasCapacityOn(e, today) ? 2 : 0) | (e.CapacityConfirmedAt >= freshSince ? 1 : 0), e));
    }

    private static bool HasCapacityOn(DirectoryIndex.Entry e, DateOnly today) =>
        e.HoursFreePerWeek > 0 && (e.EarliestStart is null || e.EarliestStart <= today);

    private static (int Total, int Page) Clamp(int total, int page, int pageSize) =>
        (total, Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize)));

    /// <summary>
    /// A match and its fit, most important first: a word in the name (8), a verified provider (4), capacity
    /// now (2), capacity recently confirmed (1); then by name and id.
    /// </summary>
    private readonly record struct Fit(int Flags, DirectoryIndex.Entry Entry);

    private static readonly Comparison<Fit> FitOrder = (a, b) =>
    {
        if (a.Flags != b.Flags) return b.Flags.CompareTo(a.Flags);
        var byName = string.CompareOrdinal(a.Entry.Name, b.Entry.Name);
        if (byName != 0) return byName;
        // As text, as the database orders ids; upper and lower case hex order alike.
        Span<char> x = stackalloc char[36], y = stackalloc char[36];
        a.Entry.Id.TryFormat(x, out _);
        b.Entry.Id.TryFormat(y, out _);
        return ((ReadOnlySpan<char>)x).SequenceCompareTo(y);
    };

    /// <summary>
    /// The matches <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> in fit order.
    /// Only those first places are ordered (a bounded heap), not every match: browsing orders 60,000 services.
    /// </summary>
    private static List<DirectoryIndex.Entry> InFitOrder(List<Fit> matches, int skip, int take)
    {
        var wanted = skip + take;
        List<Fit> first;
        if (wanted >= matches.Count)
        {
            first = matches;
        }
        else
        {
            var worstFirst = new PriorityQueue<Fit, Fit>(wanted + 1, Comparer<Fit>.Create((a, b) => FitOrder(b, a)));
            foreach (var match in matches)
            {
                if (worstFirst.Count < wanted) worstFirst.Enqueue(match, match);
                else if (FitOrder(match, worstFirst.Peek()) < 0) worstFirst.DequeueEnqueue(match, match);
            }
            first = [.. worstFirst.UnorderedItems.Select(i => i.Element)];
        }
        first.Sort(FitOrder);
        return first.Skip(skip).Take(take).Select(f => f.Entry).ToList();
    }

    /// <summary>The page's rows with their providers, in the order of <paramref name="entries"/>; their rates from the index.</summary>
    private async Task<List<DirectoryResult>> RowsAsync(List<DirectoryIndex.Entry> entries, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (entries.Count == 0) return [];
        // One query for the services with their providers' names (a join, not a second round trip),
        // compiled once, as its shape never changes.
        var rows = new Dictionary<Guid, Row>(entries.Count);
        await foreach (var row in Queries.Rows(db, entries.ConvertAll(e => e.Id)).WithCancellation(ct)) rows[row.ServiceId] = row;
        return entries.Where(e => rows.ContainsKey(e.Id)).Select(e =>
        {
            var r = rows[e.Id];
            return new DirectoryResult(
                r.ServiceId, r.ServiceName, r.Description, r.ProviderId, r.ProviderName, r.Kind,
                r.VerifiedThrough is { } through && today <= through, r.HoursFreePerWeek, r.EarliestStart, r.CapacityConfirmedAt,
                r.HoursFreePerWeek > 0 && (r.EarliestStart is null || r.EarliestStart <= today), Service.IsStale(r.CapacityConfirmedAt, now),
                e.Rates.Where(x => x.IsEffectiveOn(today)).OrderBy(x => x.Unit).ToList(), r.SupportTypes, r.ClientGroups);
        }).ToList();
    }

    /// <summary>
    /// The page-rows query, compiled once per model: a compiled query is bound to the model it first
    /// ran with, and one process can host portals on different databases (the tests do).
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
