using System.Globalization;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Agreements;
using Microsoft.Extensions.Caching.Memory;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>
/// The figures behind the commissioner insight pages (issue 21, ADR 0025), for one authority. Counts and sums are
/// grouped in the database (one GROUP BY per table, on SQLite and PostgreSQL alike), so a page costs the same whether
/// the market has 200 providers or 20,000; only durations and months, which SQLite cannot take apart in SQL, are worked
/// out from one narrow row per request of the authority. ISF balances follow the ledger's own rules in the domain.
/// </summary>
public sealed class InsightQueries(PortalDbContext db, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>How long a node keeps a page's figures: market figures need not be live to the second, and a busy morning of commissioners then costs one query set a minute.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(60);

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static readonly IReadOnlyList<string> Slugs = ["market", "demand", "options", "prices", "frameworks"];

    /// <summary>The one definition of each option the pages use (the SDS Act's four options, as DESIGN.md words them).</summary>
    public static readonly IReadOnlyList<(int Number, string Name, string Definition)> Options =
    [
        (1, "Option 1", "a direct payment: the person (or their representative) receives the budget and arranges the support themselves."),
        (2, "Option 2", "funding allocated to a provider (or other third party) the person chose, who holds it for them: an Individual Service Fund."),
        (3, "Option 3", "the authority arranges the support and pays for it; the person still says who and how."),
        (4, "Option 4", "a mix: the person has chosen different options for different types of support. It is counted once per person, and each type of support is still counted under the option chosen for it."),
    ];

    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A page's figures, at most <see cref="FreshFor"/> old (kept per node, per authority and page).</summary>
    public async Task<InsightSection> SectionAsync(string slug, Authority authority, CancellationToken ct)
    {
        var key = ("insight", authority.Id, slug);
        if (cache.TryGetValue<InsightSection>(key, out var cached) && cached is not null) return cached;
        var section = await ComputeAsync(slug, authority, ct);
        cache.Set(key, section, FreshFor);
        return section;
    }

    /// <summary>A page's figures, computed now.</summary>
    public async Task<InsightSection> ComputeAsync(string slug, Authority authority, CancellationToken ct) => slug switch
    {
        "market" => await MarketAsync(authority, ct),
        "demand" => await DemandAsync(authority, ct),
        "options" => await OptionsAsync(authority, ct),
        "prices" => await PricesAsync(authority, ct),
        "frameworks" => await FrameworksAsync(authority, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(slug)),
    };

    public static string TitleOf(string slug) => slug switch
    {
        "market" => "Market map",
        "demand" => "Unmet demand",
        "options" => "Options and budgets",
        "prices" => "The price of care",
        "frameworks" => "Framework health",
        _ => slug,
    };

    // ---------------------------------------------------------------- shared pieces

    /// <summary>Providers admitted to a lot of one of the authority's frameworks in force today: "on the framework".</summary>
    private IQueryable<Guid> OnFramework(Guid authorityId)
    {
        var today = Today;
        return from m in db.LotMembers
               where m.Status == LotMemberStatus.Admitted
               join l in db.Lots on m.LotId equals l.Id
               join f in db.Frameworks on l.FrameworkId equals f.Id
               where f.AuthorityId == authorityId && f.Status == FrameworkStatus.Live
                     && (f.StartsOn == null || f.StartsOn <= today) && (f.EndsOn == null || f.EndsOn >= today)
               select m.ProviderId;
    }

    private async Task<Dictionary<Guid, string>> LocalitiesAsync(Guid authorityId, CancellationToken ct) =>
        await db.Localities.AsNoTracking().Where(l => l.AuthorityId == authorityId).ToDictionaryAsync(l => l.Id, l => l.Name, ct);

    private async Task<Dictionary<string, string>> TermsAsync(string scheme, CancellationToken ct) =>
        await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == scheme).ToDictionaryAsync(t => t.Code, t => t.Label, ct);

    private static string Name(Dictionary<string, string> terms, string? code) => code is null ? "Not given" : terms.GetValueOrDefault(code, code);

    private static string Name(Dictionary<Guid, string> localities, Guid? id) => id is { } i && localities.TryGetValue(i, out var n) ? n : "Not given";

    private static decimal? Share(int part, int whole) => whole == 0 ? null : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static decimal? Round(double? v, int places = 1) => v is { } d ? decimal.Round((decimal)d, places, MidpointRounding.AwayFromZero) : null;

    // ---------------------------------------------------------------- 1. market map

    public async Task<InsightSection> MarketAsync(Authority authority, CancellationToken ct)
    {
        var a = authority.Id;
        var now = Now;
        var today = Today;
        var freshSince = now - Service.CapacityFreshFor;
        var onFramework = OnFramework(a);
        var localities = await LocalitiesAsync(a, ct);
        var groups = await TermsAsync(ReferenceSchemes.ClientGroup, ct);
        var types = await TermsAsync(ReferenceSchemes.SupportType, ct);

        // One row per service per locality of this authority it covers, with what the map counts.
        var covered = from area in db.ServiceAreas
                      where area.AuthorityId == a
                      join s in db.Services on area.ServiceId equals s.Id
                      join p in db.Providers on s.ProviderId equals p.Id
                      where p.ClosedAt == null
                      select new
                      {
                          area.LocalityId,
                          s.Id,
                          s.ProviderId,
                          p.Kind,
                          On = onFramework.Contains(p.Id),
                          Free = s.CapacityConfirmedAt != null && s.CapacityConfirmedAt >= freshSince && s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today) ? s.HoursFreePerWeek!.Value : 0,
                          Stale = s.CapacityConfirmedAt == null || s.CapacityConfirmedAt < freshSince ? 1 : 0,
                      };

        var byLocality = await covered.GroupBy(c => new { c.LocalityId, c.On })
            .Select(g => new { g.Key.LocalityId, g.Key.On, Providers = g.Select(c => c.ProviderId).Distinct().Count(), Free = g.Sum(c => c.Free), Stale = g.Sum(c => c.Stale) })
            .ToListAsync(ct);
        var localityTable = new InsightTable("market-localities", "Providers and free capacity by locality",
            "Providers with a service covering each locality, on and off your frameworks, and the hours a week they say they have free (confirmed in the last 30 days). A service covering several localities counts in each.",
            new("Locality", Measure.Label), new("Providers on framework", Measure.Providers), new("Providers off framework", Measure.Providers),
            new("Free hours a week, on framework", Measure.Hours), new("Free hours a week, off framework", Measure.Hours), new("Services with stale capacity", Measure.Count))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "free hours a week", "Locality", [3, 4], t =>
            {
                var top = t.Rows.OrderByDescending(r => (int)r[3]! + (int)r[4]!).FirstOrDefault();
                return top is null ? "No provider covers these localities." : $"Free hours a week in each of {t.Rows.Count} localities, on and off framework; the most is in {top[0]} ({(int)top[3]! + (int)top[4]!:#,##0} hours).";
            }),
        };
        foreach (var l in localities.OrderBy(l => l.Value, StringComparer.Ordinal))
        {
            var on = byLocality.FirstOrDefault(x => x.LocalityId == l.Key && x.On);
            var off = byLocality.FirstOrDefault(x => x.LocalityId == l.Key && !x.On);
            localityTable.LinkedRow($"providers?locality={l.Key}", l.Value, on?.Providers ?? 0, off?.Providers ?? 0, on?.Free ?? 0, off?.Free ?? 0, (on?.Stale ?? 0) + (off?.Stale ?? 0));
        }

        // By kind: each service once (however many localities it covers).
        var services = from s in db.Services
                       where db.ServiceAreas.Any(area => area.ServiceId == s.Id && area.AuthorityId == a)
                       join p in db.Providers on s.ProviderId equals p.Id
                       where p.ClosedAt == null
                       select new
                       {
                           s.ProviderId,
                           p.Kind,
                           On = onFramework.Contains(p.Id),
                           Free = s.CapacityConfirmedAt != null && s.CapacityConfirmedAt >= freshSince && s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today) ? s.HoursFreePerWeek!.Value : 0,
                           Stale = s.CapacityConfirmedAt == null || s.CapacityConfirmedAt < freshSince ? 1 : 0,
                       };
        var byKind = await services.GroupBy(c => new { c.Kind, c.On })
            .Select(g => new { g.Key.Kind, g.Key.On, Providers = g.Select(c => c.ProviderId).Distinct().Count(), Free = g.Sum(c => c.Free), Stale = g.Sum(c => c.Stale) })
            .ToListAsync(ct);
        var kindTable = new InsightTable("market-kinds", "Providers and free capacity by kind of provider",
            "Organisations, micro-providers, Personal Assistants and non-care suppliers serving your area, on and off your frameworks. Each service counts once.",
            new("Kind of provider", Measure.Label), new("Providers on framework", Measure.Providers), new("Providers off framework", Measure.Providers),
            new("Free hours a week", Measure.Hours), new("Services with stale capacity", Measure.Count))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "providers", "Kind of provider", [1, 2], t =>
                $"Providers serving your area by kind: {string.Join("; ", t.Rows.Select(r => $"{r[0]} {(int)r[1]! + (int)r[2]!:#,##0} ({r[1]:#,##0} on framework)"))}."),
        };
        foreach (var kind in Enum.GetValues<ProviderKind>())
        {
            var on = byKind.FirstOrDefault(x => x.Kind == kind && x.On);
            var off = byKind.FirstOrDefault(x => x.Kind == kind && !x.On);
            kindTable.LinkedRow($"providers?kind={(int)kind}", Provider.KindDisplayName(kind), on?.Providers ?? 0, off?.Providers ?? 0, (on?.Free ?? 0) + (off?.Free ?? 0), (on?.Stale ?? 0) + (off?.Stale ?? 0));
        }

        // The heat map: locality × client group × type of support, from the services' search tags.
        var tagged = from c in covered
                     join g in db.ServiceTags on c.Id equals g.ServiceId
                     where g.Tag.StartsWith("cg:")
                     join t in db.ServiceTags on c.Id equals t.ServiceId
                     where t.Tag.StartsWith("st:")
                     select new { c.LocalityId, Group = g.Tag, Type = t.Tag, c.ProviderId, c.On, c.Free, c.Stale };
        var cells = await tagged.GroupBy(c => new { c.LocalityId, c.Group, c.Type })
            .Select(g => new
            {
                g.Key.LocalityId, g.Key.Group, g.Key.Type,
                On = g.Where(c => c.On).Select(c => c.ProviderId).Distinct().Count(),
                Off = g.Where(c => !c.On).Select(c => c.ProviderId).Distinct().Count(),
                Free = g.Sum(c => c.Free),
                Stale = g.Sum(c => c.Stale),
            })
            .ToListAsync(ct);
        var map = new InsightTable("market-map", "Market map: locality, client group and type of support",
            "Every combination served by at least one provider. The darker the free-hours cell, the more capacity; a combination missing here has no provider at all. Select a row to see its providers.",
            new("Locality", Measure.Label), new("Client group", Measure.Label), new("Type of support", Measure.Label),
            new("Providers on framework", Measure.Providers), new("Providers off framework", Measure.Providers),
            new("Free hours a week", Measure.Hours), new("Services with stale capacity", Measure.Count))
        { HeatColumn = 5 };
        foreach (var c in cells.Select(c => new { c, Locality = Name(localities, c.LocalityId), Group = Name(groups, c.Group[3..]), Type = Name(types, c.Type[3..]) })
                     .OrderBy(x => x.Locality, StringComparer.Ordinal).ThenBy(x => x.Group, StringComparer.Ordinal).ThenBy(x => x.Type, StringComparer.Ordinal))
        {
            map.LinkedRow($"providers?locality={c.c.LocalityId}&clientGroup={Uri.EscapeDataString(c.c.Group[3..])}&supportType={Uri.EscapeDataString(c.c.Type[3..])}",
                c.Locality, c.Group, c.Type, c.c.On, c.c.Off, c.c.Free, c.c.Stale);
        }

        return new InsightSection("market", TitleOf("market"),
            "Who could provide support in your area, and how much they say they have free. Capacity a provider has not confirmed in the last 30 days is shown as stale and not counted as free.",
            "in theory there is choice for service users, but the reality on the ground is often that it depends on who is actually available and has capacity in your area when you need help.",
            "Option three research (seeds 003)", [localityTable, kindTable, map],
            ["The Act asks you to \"promote … a variety of providers of support\" (section 19 of the 2013 Act, quoted in the option three research)."]);
    }

    /// <summary>The providers behind one cell of the market map (its drill-down), at most <paramref name="take"/>.</summary>
    public async Task<List<MarketProvider>> ProvidersAsync(Authority authority, Guid? locality, string? clientGroup, string? supportType, ProviderKind? kind, int take, CancellationToken ct)
    {
        var a = authority.Id;
        var freshSince = Now - Service.CapacityFreshFor;
        var today = Today;
        var onFramework = OnFramework(a);
        var services = db.Services.AsNoTracking().Where(s => db.ServiceAreas.Any(area => area.ServiceId == s.Id && area.AuthorityId == a && (locality == null || area.LocalityId == locality)));
        if (clientGroup is not null) { var tag = ServiceTag.ForClientGroup(clientGroup); services = services.Where(s => db.ServiceTags.Any(t => t.ServiceId == s.Id && t.Tag == tag)); }
        if (supportType is not null) { var tag = ServiceTag.ForSupportType(supportType); services = services.Where(s => db.ServiceTags.Any(t => t.ServiceId == s.Id && t.Tag == tag)); }
        var rows = await (from s in services
                          join p in db.Providers on s.ProviderId equals p.Id
                          where p.ClosedAt == null && (kind == null || p.Kind == kind)
                          select new
                          {
                              p.Id, p.Name, p.Kind,
                              Free = s.CapacityConfirmedAt != null && s.CapacityConfirmedAt >= freshSince && s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today) ? s.HoursFreePerWeek!.Value : 0,
                              Stale = s.CapacityConfirmedAt == null || s.CapacityConfirmedAt < freshSince ? 1 : 0,
                          })
            .GroupBy(x => new { x.Id, x.Name, x.Kind })
            .Select(g => new { g.Key.Id, g.Key.Name, g.Key.Kind, Free = g.Sum(x => x.Free), Stale = g.Sum(x => x.Stale), Count = g.Count() })
            .OrderBy(r => r.Name).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var on = (await onFramework.Where(id => ids.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();
        return [.. rows.Select(r => new MarketProvider(r.Id, r.Name, r.Kind, on.Contains(r.Id), r.Free, r.Stale, r.Count))];
    }

    public sealed record MarketProvider(Guid Id, string Name, ProviderKind Kind, bool OnFramework, int FreeHours, int StaleServices, int Services);

    // ---------------------------------------------------------------- 2. unmet demand

    public async Task<InsightSection> DemandAsync(Authority authority, CancellationToken ct)
    {
        var a = authority.Id;
        var localities = await LocalitiesAsync(a, ct);
        var types = await TermsAsync(ReferenceSchemes.SupportType, ct);
        var requests = db.SupportRequests.AsNoTracking().IgnoreAutoIncludes().Where(r => r.AuthorityId == a);

        var needs = await requests.GroupBy(r => new { r.LocalityId, r.SupportType })
            .Select(g => new
            {
                g.Key.LocalityId, g.Key.SupportType, Requests = g.Count(),
                Unmet = g.Count(r => r.UnmetAt != null),
                Waiting = g.Count(r => r.Status == RequestStatus.Open && !r.Offers.Any()),
            })
            .ToListAsync(ct);
        var needTable = new InsightTable("demand-needs", "Requests with no offer in the target time, by locality and need",
            $"Requests posted by your practitioners, and how many had no offer within your target of {authority.OfferTargetDays} days (unmet demand). \"Still waiting\" have no offer today.",
            new("Locality", Measure.Label), new("Type of support", Measure.Label), new("Requests", Measure.People),
            new("No offer in target time", Measure.People), new("Still waiting with no offer", Measure.People), new("Share unmet", Measure.Percent, PeopleBase: 2));
        foreach (var n in needs.Select(n => new { n, L = Name(localities, n.LocalityId), T = Name(types, n.SupportType) }).OrderBy(x => x.L, StringComparer.Ordinal).ThenBy(x => x.T, StringComparer.Ordinal))
            needTable.Row(n.L, n.T, n.n.Requests, n.n.Unmet, n.n.Waiting, Share(n.n.Unmet, n.n.Requests));

        // Durations and months: SQLite keeps times as ticks it cannot take apart, so one narrow row per request.
        var timings = await requests.Select(r => new
        {
            r.SupportType, r.PostedAt, r.UnmetAt,
            FirstOffer = r.Offers.Min(o => (DateTimeOffset?)o.MadeAt),
            Start = r.Offers.Where(o => o.Id == r.ChosenOfferId && r.Status == RequestStatus.Chosen).Select(o => (DateOnly?)o.StartDate).FirstOrDefault(),
        }).ToListAsync(ct);
        var timeTable = new InsightTable("demand-times", "Time from request to first offer and to a provider starting",
            "Average days from a request being posted to its first offer, and to the start date of the offer chosen (once chosen and approved).",
            new("Type of support", Measure.Label), new("Requests with an offer", Measure.People), new("Average days to first offer", Measure.Days, PeopleBase: 1),
            new("Requests with a provider chosen", Measure.People), new("Average days to start", Measure.Days, PeopleBase: 3))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "days", "Type of support", [2, 4], t =>
                t.Rows.Count == 0 ? "No requests yet." : $"Average days to a first offer and to a start, for {t.Rows.Count} types of support.")
        };
        foreach (var g in timings.GroupBy(t => t.SupportType).Select(g => new { g, T = Name(types, g.Key) }).OrderBy(x => x.T, StringComparer.Ordinal))
        {
            var offered = g.g.Where(t => t.FirstOffer is not null).Select(t => (t.FirstOffer!.Value - t.PostedAt).TotalDays).ToList();
            var started = g.g.Where(t => t.Start is not null).Select(t => (double)(t.Start!.Value.DayNumber - DateOnly.FromDateTime(t.PostedAt.UtcDateTime).DayNumber)).ToList();
            timeTable.Row(g.T, offered.Count, offered.Count == 0 ? null : Round(offered.Average()), started.Count, started.Count == 0 ? null : Round(started.Average()));
        }

        var trend = new InsightTable("demand-trend", "Requests and unmet demand by month",
            "Requests posted each month, and how many of them had no offer within the target time.",
            new("Month", Measure.Label), new("Requests posted", Measure.People), new("No offer in target time", Measure.People), new("Share unmet", Measure.Percent, PeopleBase: 1))
        {
            Chart = new ChartSpec(SvgChartKind.Line, "requests", "Month", [1, 2], t =>
                t.Rows.Count == 0 ? "No requests yet." : $"Requests rose or fell from {t.Rows[0][1]} in {t.Rows[0][0]} to {t.Rows[^1][1]} in {t.Rows[^1][0]}; unmet from {t.Rows[0][2]} to {t.Rows[^1][2]}."),
        };
        if (timings.Count > 0)
        {
            var first = timings.Min(t => t.PostedAt.UtcDateTime);
            var month = new DateOnly(first.Year, first.Month, 1);
            var last = new DateOnly(Today.Year, Today.Month, 1);
            var byMonth = timings.ToLookup(t => new DateOnly(t.PostedAt.UtcDateTime.Year, t.PostedAt.UtcDateTime.Month, 1));
            if (last.AddMonths(-23) > month) month = last.AddMonths(-23); // the last two years at most
            for (; month <= last; month = month.AddMonths(1))
            {
                var posted = byMonth[month].Count();
                var unmet = byMonth[month].Count(t => t.UnmetAt is not null);
                trend.Row(month.ToString("MMM yyyy", Uk), posted, unmet, Share(unmet, posted));
            }
        }

        // What ended: agreements ended or withdrawn with the reason given, and choices the authority declined.
        var ended = await db.IsfAgreements.AsNoTracking().Where(x => x.AuthorityId == a && x.EndReason != null)
            .GroupBy(x => x.EndReason!).Select(g => new { Reason = g.Key, Count = g.Count() }).ToListAsync(ct);
        var withdrawn = await (from v in db.IsfAgreementVersions
                               join x in db.IsfAgreements on v.AgreementId equals x.Id
                               where x.AuthorityId == a && v.WithdrawnAt != null
                               group v by v.WithdrawnReason into g
                               select new { Reason = g.Key, Count = g.Count() }).ToListAsync(ct);
        var declined = await requests.CountAsync(r => r.Status == RequestStatus.ChoiceDeclined, ct);
        var endedTable = new InsightTable("demand-ended", "Agreements ended or withdrawn, and choices declined, with reasons",
            "Agreements handed back or ended (by any party), agreement offers withdrawn before signing, and choices of a provider off your framework that were declined. Reasons are as the person recording them wrote them, so this table is not in the open data.",
            new("What happened", Measure.Label), new("Reason given", Measure.Label), new("Number", Measure.People))
        { OpenData = false };
        foreach (var e in ended.OrderByDescending(e => e.Count).ThenBy(e => e.Reason, StringComparer.Ordinal)) endedTable.Row("Agreement ended", e.Reason, e.Count);
        foreach (var w in withdrawn.OrderByDescending(e => e.Count).ThenBy(e => e.Reason, StringComparer.Ordinal)) endedTable.Row("Agreement offer withdrawn", w.Reason ?? "Not given", w.Count);
        if (declined > 0) endedTable.Row("Choice off the framework declined", "See each request", declined);

        return new InsightSection("demand", TitleOf("demand"),
            "Requests your practitioners posted that no provider offered for within your target time, where and for what; how long people wait; and what ended.",
            "there is an awareness locally that such cases being recorded as an ISF makes it look like the client is choosing when they are perhaps not",
            "Option two research (seeds 004)", [needTable, timeTable, trend, endedTable],
            [$"Your target time for a first offer is {authority.OfferTargetDays} days (set in your authority's policies)."]);
    }

    // ---------------------------------------------------------------- 3. options and budgets

    public async Task<InsightSection> OptionsAsync(Authority authority, CancellationToken ct)
    {
        var a = authority.Id;
        var localities = await LocalitiesAsync(a, ct);
        var types = await TermsAsync(ReferenceSchemes.SupportType, ct);
        var people = db.SupportedPeople.AsNoTracking().Where(p => p.AuthorityId == a && p.OptionsBySupportType != "");

        // Per type of support: the option chosen for it. Choices are stored one "type=option" line each.
        var byType = new InsightTable("options-types", "Options chosen for each type of support",
            "How many people chose each option for each type of support. A person on Option 4 counts here once for each type, under the option chosen for it.",
            new("Type of support", Measure.Label), new("Option 1", Measure.People), new("Option 2", Measure.People), new("Option 3", Measure.People), new("People", Measure.People))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "people", "Type of support", [1, 2, 3], t =>
                t.Rows.Count == 0 ? "No options recorded yet." : $"Options chosen for {t.Rows.Count} types of support; Option 1 {t.Rows.Sum(r => (int)r[1]!):#,##0}, Option 2 {t.Rows.Sum(r => (int)r[2]!):#,##0}, Option 3 {t.Rows.Sum(r => (int)r[3]!):#,##0} choices in all."),
        };
        foreach (var (code, label) in types.OrderBy(t => t.Value, StringComparer.Ordinal))
        {
            var (k1, k2, k3) = ($"\n{code}=1\n", $"\n{code}=2\n", $"\n{code}=3\n");
            var counts = await people.GroupBy(p => 1).Select(g => new
            {
                O1 = g.Count(p => ("\n" + p.OptionsBySupportType + "\n").Contains(k1)),
                O2 = g.Count(p => ("\n" + p.OptionsBySupportType + "\n").Contains(k2)),
                O3 = g.Count(p => ("\n" + p.OptionsBySupportType + "\n").Contains(k3)),
            }).FirstOrDefaultAsync(ct);
            if (counts is null || counts.O1 + counts.O2 + counts.O3 == 0) continue;
            byType.Row(label, counts.O1, counts.O2, counts.O3, counts.O1 + counts.O2 + counts.O3);
        }

        // Overall per person and locality: which options appear among their choices (Option 4 when more than one).
        var flags = await people.GroupBy(p => new
        {
            p.LocalityId,
            Has1 = (p.OptionsBySupportType + "\n").Contains("=1\n"),
            Has2 = (p.OptionsBySupportType + "\n").Contains("=2\n"),
            Has3 = (p.OptionsBySupportType + "\n").Contains("=3\n"),
        }).Select(g => new { g.Key.LocalityId, g.Key.Has1, g.Key.Has2, g.Key.Has3, Count = g.Count() }).ToListAsync(ct);
        var byLocality = new InsightTable("options-localities", "Options by locality",
            "Each person counted once, under their option overall: the one option they chose, or Option 4 when they chose different options for different types of support.",
            new("Locality", Measure.Label), new("Option 1", Measure.People), new("Option 2", Measure.People), new("Option 3", Measure.People), new("Option 4 (a mix)", Measure.People), new("People", Measure.People))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "people", "Locality", [1, 2, 3, 4], t =>
                t.Rows.Count == 0 ? "No options recorded yet." : $"People by option overall in {t.Rows.Count} localities: Option 1 {t.Rows.Sum(r => (int)r[1]!):#,##0}, Option 2 {t.Rows.Sum(r => (int)r[2]!):#,##0}, Option 3 {t.Rows.Sum(r => (int)r[3]!):#,##0}, Option 4 {t.Rows.Sum(r => (int)r[4]!):#,##0}."),
        };
        foreach (var g in flags.GroupBy(f => f.LocalityId).Select(g => new { g, L = Name(localities, g.Key) }).OrderBy(x => x.L, StringComparer.Ordinal))
        {
            int Only(bool o1, bool o2, bool o3) => g.g.Where(f => f.Has1 == o1 && f.Has2 == o2 && f.Has3 == o3).Sum(f => f.Count);
            var (one, two, three) = (Only(true, false, false), Only(false, true, false), Only(false, false, true));
            var mix = g.g.Where(f => (f.Has1 ? 1 : 0) + (f.Has2 ? 1 : 0) + (f.Has3 ? 1 : 0) > 1).Sum(f => f.Count);
            byLocality.Row(g.L, one, two, three, mix, one + two + three + mix);
        }

        // Standard 9.7: told their indicative budget before choosing.
        var told = await people.GroupBy(p => p.LocalityId).Select(g => new
        {
            LocalityId = g.Key,
            People = g.Count(),
            Before = g.Count(p => p.WeeklyBudget != null && p.BudgetToldOn != null && (p.OptionsDiscussedOn == null || p.BudgetToldOn <= p.OptionsDiscussedOn)),
            After = g.Count(p => p.WeeklyBudget != null && p.BudgetToldOn != null && p.OptionsDiscussedOn != null && p.BudgetToldOn > p.OptionsDiscussedOn),
        }).ToListAsync(ct);
        var budgetTable = new InsightTable("options-budget", "Told their indicative budget before choosing (Standard 9.7)",
            "People who have chosen an option, and whether their record says they were told their indicative budget on or before the day their options were discussed.",
            new("Locality", Measure.Label), new("People who chose", Measure.People), new("Told before choosing", Measure.People), new("Told after choosing", Measure.People),
            new("Not recorded as told", Measure.People), new("Share told before", Measure.Percent, PeopleBase: 1))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "per cent", "Locality", [5], t =>
                t.Rows.Count == 0 ? "No options recorded yet." : $"Share of people told their budget before choosing: {Share(t.Rows.Sum(r => (int)r[2]!), t.Rows.Sum(r => (int)r[1]!))?.ToString("0.#", Uk) ?? "none"}% across {t.Rows.Count} localities."),
        };
        foreach (var t in told.Select(t => new { t, L = Name(localities, t.LocalityId) }).OrderBy(x => x.L, StringComparer.Ordinal))
            budgetTable.Row(t.L, t.t.People, t.t.Before, t.t.After, t.t.People - t.t.Before - t.t.After, Share(t.t.Before, t.t.People));

        var isf = await IsfAsync(a, ct);

        var notes = Options.Select(o => $"{o.Name}: {o.Definition}").ToList();
        notes.Add("People's records do not hold a client group, so options are shown by type of support and locality; requests carry the client group (see Unmet demand).");
        return new InsightSection("options", TitleOf("options"),
            "Which options people chose, for which types of support and where; whether they were told their budget first; and how Individual Service Funds are being used.",
            "the recording of which option someone has chosen can at times appear arbitrary",
            "Option two research (seeds 004)", [byType, byLocality, budgetTable, isf], notes);
    }

    /// <summary>ISF balances and recurring under- or over-use, by the ledger's own rules (<see cref="IsfLedger"/>), for agreements in force.</summary>
    private async Task<InsightTable> IsfAsync(Guid a, CancellationToken ct)
    {
        var today = Today;
        var agreements = await db.IsfAgreements.AsNoTracking().Where(x => x.AuthorityId == a && (x.EndsOn == null || x.EndsOn >= today)).Select(x => x.Id).ToListAsync(ct);
        var versions = (await (from v in db.IsfAgreementVersions
                               join x in db.IsfAgreements on v.AgreementId equals x.Id
                               where x.AuthorityId == a && (x.EndsOn == null || x.EndsOn >= today) && v.AuthorisedAt != null
                               select new { v.AgreementId, v.Number, v.TermsJson, v.AuthorisedAt }).ToListAsync(ct))
            .ToLookup(v => v.AgreementId);
        var entries = (await (from e in db.LedgerEntries
                              join x in db.IsfAgreements on EF.Property<Guid>(e, Data.Configurations.LedgerEntryConfiguration.AgreementId) equals x.Id
                              where x.AuthorityId == a && (x.EndsOn == null || x.EndsOn >= today)
                              select new { AgreementId = x.Id, Entry = e }).AsNoTracking().ToListAsync(ct))
            .ToLookup(e => e.AgreementId, e => e.Entry);
        int inForce = 0, overspent = 0, under = 0, over = 0;
        decimal balance = 0, planned = 0, spent = 0;
        foreach (var id in agreements)
        {
            var authorised = versions[id].OrderBy(v => v.Number).ToList();
            if (authorised.Count == 0) continue;
            var read = authorised.Select(v => (v.Number, Terms: AgreementService.Terms(new IsfAgreementVersion { TermsJson = v.TermsJson, OfferedPdf = [], OfferedSha256 = "", CreatedBy = "" }), At: v.AuthorisedAt!.Value)).ToList();
            var agreed = read.Select(v => LedgerReader.Agreed(v.Number, v.Terms, v.At)).ToList();
            var terms = LedgerTerms.FromVersions(agreed, null, read[^1].Terms.CarryOverRule()); // carry-over is a term: the version in force says it
            if (terms.StartDate > today) continue;
            IsfStatement statement;
            try { statement = IsfLedger.Statement(terms, entries[id].OrderBy(e => e.Date), today); }
            catch (ArgumentException) { continue; } // an entry outside the agreement's dates: the ledger page explains it
            inForce++;
            balance += statement.Balance;
            planned += statement.TotalPlanned;
            spent += statement.TotalSpent;
            if (statement.Balance < 0) overspent++;
            var signals = IsfLedger.ReviewSignals(statement, LedgerReader.TolerancePercent, LedgerReader.ConsecutivePeriods);
            if (signals.Any(s => s.Direction == SpendDirection.Under)) under++;
            if (signals.Any(s => s.Direction == SpendDirection.Over)) over++;
        }
        var table = new InsightTable("options-isf", "Individual Service Funds: balances and recurring under- or over-use",
            $"Agreements in force with their ledgers as of today. Recurring use is spending more than {LedgerReader.TolerancePercent:0}% away from plan for {LedgerReader.ConsecutivePeriods} periods in a row, which raises a review.",
            new("Measure", Measure.Label), new("Agreements", Measure.People), new("Amount", Measure.Money, PeopleBase: 1));
        table.Row("Agreements in force with a ledger", inForce, balance);
        table.Row("Planned so far (total budget)", inForce, planned);
        table.Row("Spent so far", inForce, spent);
        table.Row("Overspent now (balance below zero)", overspent, null);
        table.Row("Recurring under-use", under, null);
        table.Row("Recurring over-use", over, null);
        return table;
    }

    // ---------------------------------------------------------------- 4. the price of care

    public async Task<long?> FloorPencePerHourAsync(Guid authorityId, CancellationToken ct)
    {
        var floors = await db.SustainablePriceFloors.AsNoTracking().Where(f => f.AuthorityId == authorityId).ToListAsync(ct);
        return Domain.Evaluations.SustainablePriceFloor.InEffect(floors, Today)?.FloorPencePerHour;
    }

    public async Task<InsightSection> PricesAsync(Authority authority, CancellationToken ct)
    {
        var a = authority.Id;
        var today = Today;
        var floorPence = await FloorPencePerHourAsync(a, ct);
        var floor = floorPence is { } f ? f / 100m : (decimal?)null;
        var floorDouble = (double)(floor ?? 0m);

        // Prices agreed: the offer chosen for each request, by the option the person chose for that type of support.
        var chosen = from r in db.SupportRequests
                     where r.AuthorityId == a && r.ChosenOfferId != null && r.Status == RequestStatus.Chosen
                     join o in db.SupportOffers on r.ChosenOfferId equals o.Id
                     join p in db.Providers on o.ProviderId equals p.Id
                     join person in db.SupportedPeople on r.SupportedPersonId equals person.Id
                     select new
                     {
                         Option = ("\n" + person.OptionsBySupportType + "\n").Contains("\n" + r.SupportType + "=1\n") ? 1
                             : ("\n" + person.OptionsBySupportType + "\n").Contains("\n" + r.SupportType + "=2\n") ? 2
                             : ("\n" + person.OptionsBySupportType + "\n").Contains("\n" + r.SupportType + "=3\n") ? 3 : 0,
                         p.Kind,
                         o.PriceUnit,
                         Price = (double)o.Price,
                     };
        var agreed = await chosen.GroupBy(c => new { c.Option, c.Kind, c.PriceUnit })
            .Select(g => new { g.Key.Option, g.Key.Kind, g.Key.PriceUnit, Count = g.Count(), Average = g.Average(c => c.Price), Low = g.Min(c => c.Price), High = g.Max(c => c.Price), Below = g.Count(c => c.PriceUnit == OfferPriceUnit.PerHour && c.Price < floorDouble) })
            .ToListAsync(ct);
        var agreedTable = new InsightTable("prices-agreed", "Prices agreed for people's support, by option and kind of provider",
            "The price of the offer chosen for each request, per hour, per week, per outcome or as a block, by the option the person chose for that type of support. Hourly prices below your sustainable floor are counted.",
            new("Option", Measure.Label), new("Kind of provider", Measure.Label), new("Priced", Measure.Label), new("Packages", Measure.People),
            new("Average price", Measure.Money, PeopleBase: 3), new("Lowest", Measure.Money, PeopleBase: 3), new("Highest", Measure.Money, PeopleBase: 3), new("Below the floor", Measure.People));
        foreach (var r in agreed.OrderBy(r => r.Option == 0 ? 9 : r.Option).ThenBy(r => r.Kind).ThenBy(r => r.PriceUnit))
            agreedTable.Row(r.Option == 0 ? "Not recorded" : $"Option {r.Option}", Provider.KindDisplayName(r.Kind), Unit(r.PriceUnit), r.Count, Round(r.Average, 2), Round(r.Low, 2), Round(r.High, 2), r.Below);

        // Prices offered: every offer made for the authority's requests (what the market asks).
        var offered = await (from o in db.SupportOffers
                             join r in db.SupportRequests on o.RequestId equals r.Id
                             where r.AuthorityId == a
                             join p in db.Providers on o.ProviderId equals p.Id
                             select new { p.Kind, o.PriceUnit, Price = (double)o.Price })
            .GroupBy(c => new { c.Kind, c.PriceUnit })
            .Select(g => new { g.Key.Kind, g.Key.PriceUnit, Count = g.Count(), Average = g.Average(c => c.Price), Below = g.Count(c => c.PriceUnit == OfferPriceUnit.PerHour && c.Price < floorDouble) })
            .ToListAsync(ct);
        var offeredTable = new InsightTable("prices-offered", "Prices offered by kind of provider",
            "Every offer providers made for your requests, chosen or not.",
            new("Kind of provider", Measure.Label), new("Priced", Measure.Label), new("Offers", Measure.Count), new("Average price", Measure.Money), new("Hourly offers below the floor", Measure.Count));
        foreach (var r in offered.OrderBy(r => r.Kind).ThenBy(r => r.PriceUnit))
            offeredTable.Row(Provider.KindDisplayName(r.Kind), Unit(r.PriceUnit), r.Count, Round(r.Average, 2), r.Below);

        // Hourly rates published in the directory by providers serving the area, beside the floor (the chart).
        var floorPenceValue = floorPence ?? 0;
        var published = await (from rate in db.ServiceRates
                               where rate.Unit == RateUnit.PerHour && rate.EffectiveFrom <= today && (rate.EffectiveTo == null || rate.EffectiveTo >= today)
                               join s in db.Services on rate.ServiceId equals s.Id
                               where db.ServiceAreas.Any(area => area.ServiceId == s.Id && area.AuthorityId == a)
                               join p in db.Providers on s.ProviderId equals p.Id
                               where p.ClosedAt == null
                               select new { p.Kind, rate.AmountPence })
            .GroupBy(r => r.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Average = g.Average(r => (double)r.AmountPence), Low = g.Min(r => r.AmountPence), High = g.Max(r => r.AmountPence), Below = g.Count(r => r.AmountPence < floorPenceValue) })
            .ToListAsync(ct);
        var publishedTable = new InsightTable("prices-published", "Hourly rates providers publish, beside your sustainable floor",
            "Hourly rates in force today on the services of providers covering your area, by kind of provider.",
            new("Kind of provider", Measure.Label), new("Services with an hourly rate", Measure.Count), new("Average per hour", Measure.Money),
            new("Lowest", Measure.Money), new("Highest", Measure.Money), new("Sustainable floor per hour", Measure.Money), new("Below the floor", Measure.Count))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "pounds per hour", "Kind of provider", [2, 5], t =>
                floor is null ? "Average published hourly rate by kind of provider; no sustainable floor is set." : $"Average published hourly rate by kind of provider, beside your sustainable floor of {floor:0.00} pounds an hour."),
        };
        foreach (var r in published.OrderBy(r => r.Kind))
            publishedTable.Row(Provider.KindDisplayName(r.Kind), r.Count, Round(r.Average / 100, 2), r.Low / 100m, r.High / 100m, floor, floor is null ? null : r.Below);

        // Framework rates against the floor.
        // Each admitted member's rate in force today (rates are dated: the latest from on or before today).
        var memberRates = await (from m in db.LotMembers
                                 where m.Status == LotMemberStatus.Admitted
                                 join l in db.Lots on m.LotId equals l.Id
                                 join fw in db.Frameworks on l.FrameworkId equals fw.Id
                                 where fw.AuthorityId == a && fw.Status != FrameworkStatus.Draft
                                 let rate = db.LotRates.Where(r => r.LotMemberId == m.Id && r.EffectiveFrom <= today).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
                                 where rate != null
                                 select new { fw.Reference, l.Number, l.Title, RateUnit = (RateUnit?)rate!.Unit, Pence = rate.AmountPence })
            .ToListAsync(ct);
        var lots = memberRates
            .GroupBy(x => new { x.Reference, x.Number, x.Title, x.RateUnit })
            .Select(g => new { g.Key.Reference, g.Key.Number, g.Key.Title, g.Key.RateUnit, Count = g.Count(), Average = g.Average(x => (double)x.Pence), Low = g.Min(x => x.Pence), High = g.Max(x => x.Pence), Below = g.Count(x => x.RateUnit == RateUnit.PerHour && x.Pence < floorPenceValue) })
            .ToList();
        var frameworkTable = new InsightTable("prices-frameworks", "Framework rates against the floor",
            "Rates of providers admitted to each lot of your frameworks. Only hourly rates are compared with the floor.",
            new("Framework", Measure.Label), new("Lot", Measure.Label), new("Priced", Measure.Label), new("Providers", Measure.Providers),
            new("Average rate", Measure.Money), new("Lowest", Measure.Money), new("Highest", Measure.Money), new("Hourly rates below the floor", Measure.Providers));
        foreach (var r in lots.OrderBy(r => r.Reference, StringComparer.Ordinal).ThenBy(r => r.Number).ThenBy(r => r.RateUnit))
            frameworkTable.Row(r.Reference, $"Lot {r.Number}: {r.Title}", r.RateUnit is { } u ? ServiceRate.UnitDisplayName(u) : "Not given", r.Count, Round(r.Average / 100, 2), r.Low / 100m, r.High / 100m, floor is null ? null : r.Below);

        return new InsightSection("prices", TitleOf("prices"),
            floor is null
                ? "What is paid and asked for care, per hour, per week, per outcome or as a block. Your authority has not set a sustainable price floor yet (Evaluation → Price floors), so nothing is compared with one."
                : $"What is paid and asked for care, per hour, per week, per outcome or as a block, beside your sustainable floor of {floor:£0.00} an hour (the Real Living Wage plus on-costs).",
            "option 2 clients have to top up their budgets whilst the same providers are simply paid their full hourly rate by the partnership, if they deliver the care or support under option 3.",
            "Option three research (seeds 003)", [agreedTable, offeredTable, publishedTable, frameworkTable],
            ["Top-ups people pay under Option 2 are not recorded by the portal yet, so they cannot be compared with Option 3 rates here."]);
    }

    private static string Unit(OfferPriceUnit unit) => unit switch
    {
        OfferPriceUnit.PerHour => "per hour",
        OfferPriceUnit.PerWeek => "per week",
        OfferPriceUnit.PerOutcome => "per outcome",
        _ => "block amount",
    };

    // ---------------------------------------------------------------- 5. framework health

    public async Task<InsightSection> FrameworksAsync(Authority authority, CancellationToken ct)
    {
        var a = authority.Id;
        var freshSince = Now - Service.CapacityFreshFor;
        var today = Today;
        var rows = await (from m in db.LotMembers
                          join l in db.Lots on m.LotId equals l.Id
                          join fw in db.Frameworks on l.FrameworkId equals fw.Id
                          where fw.AuthorityId == a && fw.Status != FrameworkStatus.Draft
                          select new
                          {
                              fw.Reference, FrameworkStatus = fw.Status, l.Number, l.Title, m.Status, l.SupportType,
                              Free = m.Status == LotMemberStatus.Admitted && db.Services.Any(s => s.ProviderId == m.ProviderId
                                  && s.CapacityConfirmedAt != null && s.CapacityConfirmedAt >= freshSince && s.HoursFreePerWeek > 0 && (s.EarliestStart == null || s.EarliestStart <= today)
                                  && (l.SupportType == null || db.ServiceTags.Any(t => t.ServiceId == s.Id && t.Tag == "st:" + l.SupportType))),
                          })
            .GroupBy(x => new { x.Reference, x.FrameworkStatus, x.Number, x.Title })
            .Select(g => new
            {
                g.Key.Reference, g.Key.FrameworkStatus, g.Key.Number, g.Key.Title,
                Admitted = g.Count(x => x.Status == LotMemberStatus.Admitted),
                Suspended = g.Count(x => x.Status == LotMemberStatus.Suspended),
                Withdrawn = g.Count(x => x.Status == LotMemberStatus.Withdrawn),
                WithFree = g.Count(x => x.Free),
            })
            .ToListAsync(ct);
        // Lots with nobody on them at all have no member rows: list them too.
        var allLots = await (from l in db.Lots
                             join fw in db.Frameworks on l.FrameworkId equals fw.Id
                             where fw.AuthorityId == a && fw.Status != FrameworkStatus.Draft
                             select new { fw.Reference, FrameworkStatus = fw.Status, l.Number, l.Title }).ToListAsync(ct);
        var table = new InsightTable("frameworks-lots", "Providers per lot",
            "Providers admitted, suspended and withdrawn on each lot of your live and ended frameworks, and how many admitted providers have free capacity for the lot's type of support (confirmed in the last 30 days).",
            new("Lot", Measure.Label), new("Framework", Measure.Label), new("Framework status", Measure.Label), new("Admitted", Measure.Providers), new("Suspended", Measure.Providers),
            new("Withdrawn", Measure.Providers), new("Admitted with free capacity", Measure.Providers), new("No free capacity", Measure.Label))
        {
            Chart = new ChartSpec(SvgChartKind.Bar, "providers", "Lot", [3, 4, 5, 6], t =>
                t.Rows.Count == 0 ? "No live or ended frameworks yet." : $"{t.Rows.Count} lots; {t.Rows.Count(r => (string)r[7]! == "Yes")} with no admitted provider with free capacity."),
        };
        foreach (var l in allLots.OrderBy(l => l.Reference, StringComparer.Ordinal).ThenBy(l => l.Number))
        {
            var r = rows.FirstOrDefault(x => x.Reference == l.Reference && x.Number == l.Number && x.Title == l.Title);
            var free = r?.WithFree ?? 0;
            table.Row($"{l.Reference} lot {l.Number}: {l.Title}", l.Reference, l.FrameworkStatus.ToString(), r?.Admitted ?? 0, r?.Suspended ?? 0, r?.Withdrawn ?? 0, free, free == 0 ? "Yes" : "No");
        }
        return new InsightSection("frameworks", TitleOf("frameworks"),
            "How full and how healthy each lot of your frameworks is: a lot with no admitted provider that has free capacity cannot take a call-off today.",
            null, null, [table],
            ["Re-opening rounds are not yet recorded on frameworks, so rounds due are not shown."]);
    }
}
