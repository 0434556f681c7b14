using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Insight;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Insight;

/// <summary>
/// Commissioner insight (issue 21) on its own portal (so no other test's rows move the figures between the page and
/// the count): Glenmore's demo data plus people, requests, offers and a stale service added here. Each page's figures
/// are checked against a direct SQL count over the same tables; the open data suppresses counts of fewer than five
/// people; the quarterly statement holds every chart and table; other authorities' commissioners get a 404 and
/// other roles are refused.
/// </summary>
public sealed class InsightTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>(PortalFactory.QuietBackground));
    private PortalClient _commissioner = null!;

    public async ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        await SeedAsync();
        _commissioner = _portal.CreatePortalClient();
        await _commissioner.SignInAsync(DemoUsers.GlenmoreCommissioner);
    }

    public async ValueTask DisposeAsync()
    {
        _commissioner?.Dispose();
        await _portal.DisposeAsync();
    }

    /// <summary>
    /// North Glenmore: 6 people on Option 2 for personal care, told their budget first, each with a request (3 offered for,
    /// one chosen; 3 unmet). The second locality: 2 people on a mix (Option 4), told after choosing, each with an unmet
    /// request — a cell of fewer than five people. One of Bright Steps's services has capacity confirmed 40 days ago (stale).
    /// </summary>
    private async Task SeedAsync()
    {
        await _portal.WithDbAsync(async db =>
        {
            var now = _portal.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var glenmore = await db.Authorities.Include(a => a.Localities).SingleAsync(a => a.Code == "glenmore", Ct);
            var localities = glenmore.Localities.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
            var (north, other) = (localities.Single(l => l.Name == "North Glenmore"), localities.First(l => l.Name != "North Glenmore"));
            var types = await db.ReferenceTerms.Where(t => t.Scheme == "support-type").OrderBy(t => t.SortOrder).Select(t => t.Code).Take(2).ToListAsync(Ct);
            var providers = await db.Providers.Where(p => p.ClosedAt == null).OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync(Ct);
            var n = 0;
            async Task PersonAsync(Guid locality, string options, bool toldFirst, bool offered, bool chosen)
            {
                n++;
                var person = new SupportedPerson { AuthorityId = glenmore.Id, Name = $"Insight person {n}", LocalityId = locality, OptionsBySupportType = options, CreatedAt = now, OptionsDiscussedOn = today.AddDays(-5) };
                person.RecordBudget(250m, BudgetSetting.ResourceAllocationSystem, null, toldFirst ? today.AddDays(-6) : today.AddDays(-2), "At a meeting", today);
                db.SupportedPeople.Add(person);
                var request = SupportRequest.Post(person, $"INS-{n:000}", new SupportRequest.Details("Get out and about", types[0], "older-people", locality, 10, null, today.AddDays(14), null, null), "test", now);
                db.SupportRequests.Add(request);
                if (offered)
                {
                    var offer = request.Offer(providers[0], new SupportOffer.Details(today.AddDays(10), "We can", 21.50m, OfferPriceUnit.PerHour, 10), "test", now.AddDays(2));
                    request.Offer(providers[1], new SupportOffer.Details(today.AddDays(12), "We can too", 300m, OfferPriceUnit.PerWeek, 10), "test", now.AddDays(3));
                    if (chosen) request.Choose(offer.Id, false, null, "test", now.AddDays(4));
                }
                await db.SaveChangesAsync(Ct);
                if (!offered) await db.SupportRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.UnmetAt, now.AddDays(7)), Ct);
            }
            for (var i = 0; i < 6; i++) await PersonAsync(north.Id, $"{types[0]}=2", toldFirst: true, offered: i < 3, chosen: i == 0);
            for (var i = 0; i < 2; i++) await PersonAsync(other.Id, $"{types[0]}=3\n{types[1]}=1", toldFirst: false, offered: false, chosen: false);

            var service = await db.Services.Where(s => db.ServiceAreas.Any(a => a.ServiceId == s.Id && a.AuthorityId == glenmore.Id)).OrderBy(s => s.Name).FirstAsync(Ct);
            service.ConfirmCapacity(20, null, now.AddDays(-40));
            await db.SaveChangesAsync(Ct);
        });
    }

    private async Task<IDocument> PageAsync(string path)
    {
        var page = await _commissioner.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document;
    }

    /// <summary>A table's body rows as text, by its id.</summary>
    private static List<string[]> Rows(IDocument doc, string table) =>
        [.. doc.QuerySelector($"table[data-table='{table}']")!.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

    private Task<List<T>> SqlAsync<T>(FormattableString sql) => _portal.WithDbAsync(db => db.Database.SqlQuery<T>(sql).ToListAsync(Ct));

    private static int Number(string text) => text == "–" ? 0 : int.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public sealed record NeedCount(string Locality, string Type, int Requests, int Unmet);
    public sealed record PersonOptions(string Locality, string Options, string? Told, string? Discussed);
    public sealed record ProviderCount(string Locality, int Providers);
    public sealed record LotCount(string Lot, int Admitted, int Suspended, int Withdrawn);
    public sealed record OfferCount(int Kind, int Unit, int Offers);

    [Fact]
    public async Task Unmet_demand_matches_a_direct_count_of_the_requests()
    {
        var doc = await PageAsync("/authority/glenmore/insight/demand");
        var expected = await SqlAsync<NeedCount>($"""
            SELECT l.Name AS Locality, t.Label AS Type, COUNT(*) AS Requests, SUM(CASE WHEN r.UnmetAt IS NULL THEN 0 ELSE 1 END) AS Unmet
            FROM SupportRequests r JOIN Authorities a ON a.Id = r.AuthorityId JOIN Localities l ON l.Id = r.LocalityId
            JOIN ReferenceTerms t ON t.Scheme = 'support-type' AND t.Code = r.SupportType
            WHERE a.Code = 'glenmore' GROUP BY l.Name, t.Label
            """);
        Assert.NotEmpty(expected);
        var rows = Rows(doc, "demand-needs");
        Assert.Equal(expected.Count, rows.Count);
        foreach (var e in expected)
        {
            var row = Assert.Single(rows, r => r[0] == e.Locality && r[1] == e.Type);
            Assert.Equal(e.Requests, Number(row[2]));
            Assert.Equal(e.Unmet, Number(row[3]));
        }
        // The seeded part: North Glenmore has 6 requests of which 3 unmet (50%).
        Assert.Contains(rows, r => r[0] == "North Glenmore" && Number(r[2]) >= 6 && r[5].EndsWith('%'));
        // The month's requests and the chart with its text alternative.
        var trend = Rows(doc, "demand-trend");
        var total = (await SqlAsync<int>($"SELECT COUNT(*) AS Value FROM SupportRequests r JOIN Authorities a ON a.Id = r.AuthorityId WHERE a.Code = 'glenmore'")).Single();
        Assert.Equal(total, trend.Sum(r => Number(r[1])));
        Assert.NotNull(doc.QuerySelector("#demand-trend svg[role=img] title"));
    }

    [Fact]
    public async Task Option_uptake_and_budgets_told_match_the_people_records()
    {
        var doc = await PageAsync("/authority/glenmore/insight/options");
        var people = await SqlAsync<PersonOptions>($"""
            SELECT COALESCE(l.Name, 'Not given') AS Locality, p.OptionsBySupportType AS Options, p.BudgetToldOn AS Told, p.OptionsDiscussedOn AS Discussed
            FROM SupportedPeople p JOIN Authorities a ON a.Id = p.AuthorityId LEFT JOIN Localities l ON l.Id = p.LocalityId
            WHERE a.Code = 'glenmore' AND p.OptionsBySupportType <> ''
            """);
        var rows = Rows(doc, "options-localities");
        foreach (var locality in people.GroupBy(p => p.Locality))
        {
            var row = Assert.Single(rows, r => r[0] == locality.Key);
            var overall = locality.Select(p => new SupportedPerson { Name = "x", OptionsBySupportType = p.Options }.OverallOption).ToList();
            Assert.Equal(overall.Count(o => o == SdsOption.DirectPayment), Number(row[1]));
            Assert.Equal(overall.Count(o => o == SdsOption.IndividualServiceFund), Number(row[2]));
            Assert.Equal(overall.Count(o => o == SdsOption.AuthorityArranged), Number(row[3]));
            Assert.Equal(overall.Count(o => o == SdsOption.Mix), Number(row[4]));
            Assert.Equal(locality.Count(), Number(row[5]));
        }
        var budget = Rows(doc, "options-budget");
        foreach (var locality in people.GroupBy(p => p.Locality))
        {
            var row = Assert.Single(budget, r => r[0] == locality.Key);
            var before = locality.Count(p => p.Told is not null && (p.Discussed is null || string.CompareOrdinal(p.Told, p.Discussed) <= 0));
            Assert.Equal(before, Number(row[2]));
        }
        // Option 4 is the mix it is: the two mixed people count once each overall, and per type under each option.
        Assert.Contains(rows, r => Number(r[4]) >= 2);
        Assert.All(InsightQueries.Options, o => Assert.Contains(o.Definition, doc.Body!.TextContent));
    }

    [Fact]
    public async Task The_market_map_counts_providers_per_locality_and_leaves_stale_capacity_out()
    {
        var doc = await PageAsync("/authority/glenmore/insight/market");
        var expected = await SqlAsync<ProviderCount>($"""
            SELECT l.Name AS Locality, COUNT(DISTINCT s.ProviderId) AS Providers
            FROM ServiceAreas sa JOIN Authorities a ON a.Id = sa.AuthorityId JOIN Localities l ON l.Id = sa.LocalityId
            JOIN Services s ON s.Id = sa.ServiceId JOIN Providers p ON p.Id = s.ProviderId
            WHERE a.Code = 'glenmore' AND p.ClosedAt IS NULL GROUP BY l.Name
            """);
        Assert.NotEmpty(expected);
        var rows = Rows(doc, "market-localities");
        foreach (var e in expected)
        {
            var row = Assert.Single(rows, r => r[0] == e.Locality);
            Assert.Equal(e.Providers, Number(row[1]) + Number(row[2]));
        }
        // Free hours: only capacity confirmed in the last 30 days (the domain's own rule), per locality covered.
        var now = _portal.Clock.GetUtcNow();
        var free = await _portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            var areas = await db.ServiceAreas.Where(a => a.AuthorityId == glenmore.Id).ToListAsync(Ct);
            var services = await db.Services.Where(s => areas.Select(a => a.ServiceId).Contains(s.Id) && db.Providers.Any(p => p.Id == s.ProviderId && p.ClosedAt == null)).ToDictionaryAsync(s => s.Id, Ct);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            return areas.Where(a => services.ContainsKey(a.ServiceId)).Sum(a => services[a.ServiceId] is var s && !s.IsCapacityStale(now) && s.HasCapacityOn(today) ? s.HoursFreePerWeek!.Value : 0);
        });
        Assert.Equal(free, rows.Sum(r => Number(r[3]) + Number(r[4])));
        Assert.True(rows.Sum(r => Number(r[5])) >= 1, "the stale service is counted as stale");
        // The heat map drills down to its providers.
        var link = doc.QuerySelector("table[data-table='market-map'] tbody th a")!.GetAttribute("href")!;
        var drill = await PageAsync(link);
        Assert.NotEmpty(drill.QuerySelectorAll("tbody tr"));
        // Kinds: organisations, micro-providers, PAs, non-care suppliers, each a row.
        Assert.Equal(4, Rows(doc, "market-kinds").Count);
        // The heat map shows one locality at a time (the first, or the one chosen); its CSV has every combination.
        var shown = Rows(doc, "market-map");
        Assert.Single(shown.Select(r => r[0]).Distinct());
        var other = expected.Select(e => e.Locality).Order(StringComparer.Ordinal).Last();
        var chosen = Rows(await PageAsync($"/authority/glenmore/insight/market?locality={Uri.EscapeDataString(other)}"), "market-map");
        Assert.All(chosen, r => Assert.Equal(other, r[0]));
        var csv = await (await _commissioner.GetAsync("/authority/glenmore/insight/market/market-map.csv")).Content.ReadAsStringAsync(Ct);
        Assert.Contains(other, csv);
        Assert.Contains(shown[0][0], csv);
    }

    [Fact]
    public async Task Framework_health_and_prices_match_direct_counts()
    {
        var doc = await PageAsync("/authority/glenmore/insight/frameworks");
        var lots = await SqlAsync<LotCount>($"""
            SELECT f.Reference || ' lot ' || l.Number || ': ' || l.Title AS Lot,
                   SUM(CASE WHEN m.Status = 0 THEN 1 ELSE 0 END) AS Admitted, SUM(CASE WHEN m.Status = 1 THEN 1 ELSE 0 END) AS Suspended, SUM(CASE WHEN m.Status = 2 THEN 1 ELSE 0 END) AS Withdrawn
            FROM Lots l JOIN Frameworks f ON f.Id = l.FrameworkId JOIN Authorities a ON a.Id = f.AuthorityId LEFT JOIN LotMembers m ON m.LotId = l.Id
            WHERE a.Code = 'glenmore' AND f.Status <> 0 GROUP BY f.Reference, l.Number, l.Title
            """);
        var rows = Rows(doc, "frameworks-lots");
        Assert.Equal(lots.Count, rows.Count);
        foreach (var e in lots)
        {
            var row = Assert.Single(rows, r => r[0] == e.Lot);
            Assert.Equal((e.Admitted, e.Suspended, e.Withdrawn), (Number(row[3]), Number(row[4]), Number(row[5])));
        }

        var prices = await PageAsync("/authority/glenmore/insight/prices");
        var offers = await SqlAsync<OfferCount>($"""
            SELECT p.Kind AS Kind, o.PriceUnit AS Unit, COUNT(*) AS Offers
            FROM SupportOffers o JOIN SupportRequests r ON r.Id = o.RequestId JOIN Authorities a ON a.Id = r.AuthorityId JOIN Providers p ON p.Id = o.ProviderId
            WHERE a.Code = 'glenmore' GROUP BY p.Kind, o.PriceUnit
            """);
        var offered = Rows(prices, "prices-offered");
        Assert.Equal(offers.Count, offered.Count);
        Assert.Equal(offers.Sum(o => o.Offers), offered.Sum(r => Number(r[2])));
        var agreed = Rows(prices, "prices-agreed");
        Assert.Contains(agreed, r => r[0] == "Option 2" && r[2] == "per hour" && r[4] == "£21.50");
    }

    [Fact]
    public async Task The_open_data_never_shows_a_count_of_fewer_than_five_people()
    {
        using var anonymous = _portal.CreatePortalClient();
        var response = await anonymous.GetAsync("/api/insight/glenmore");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var suppressed = 0;
        var peopleCells = 0;
        foreach (var table in json.RootElement.GetProperty("tables").EnumerateArray())
        {
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var cells = row.EnumerateArray().ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    if (columns[c] != "people") continue;
                    peopleCells++;
                    if (cells[c].ValueKind == JsonValueKind.String) { Assert.Equal(InsightTable.Suppressed, cells[c].GetString()); suppressed++; continue; }
                    var n = cells[c].GetInt32();
                    Assert.True(n == 0 || n >= InsightTable.SmallNumber, $"{table.GetProperty("id").GetString()}: a count of {n} people is published");
                }
            }
            // Reasons typed by staff are never open data.
            Assert.NotEqual("demand-ended", table.GetProperty("id").GetString());
        }
        Assert.True(peopleCells > 0);
        Assert.True(suppressed > 0, "the two people on a mix in one locality are a small cell, suppressed");
        // The CSV of a table is suppressed the same way.
        var csv = await anonymous.Http.GetStringAsync("/api/insight/glenmore/options-localities.csv", Ct);
        Assert.Contains(InsightTable.Suppressed, csv);
        // The commissioner's own CSV is not suppressed: it holds the real small number.
        var own = await _commissioner.Http.GetStringAsync("/authority/glenmore/insight/options/options-localities.csv", Ct);
        Assert.DoesNotContain(InsightTable.Suppressed, own);
    }

    [Fact]
    public async Task The_quarterly_statement_holds_every_chart_and_table_and_is_tagged()
    {
        var response = await _commissioner.GetAsync("/authority/glenmore/insight/statement.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = string.Join(" ", PdfFiles.Pages(pdf));
        var titles = new List<string>();
        var charts = 0;
        foreach (var slug in InsightQueries.Slugs)
        {
            var doc = await PageAsync($"/authority/glenmore/insight/{slug}");
            foreach (var section in doc.QuerySelectorAll("section.insight-table"))
            {
                var title = section.QuerySelector("h2")!.TextContent;
                titles.Add(title);
                Assert.Contains(title, text);
                if (section.QuerySelector("svg") is not null)
                {
                    charts++;
                    Assert.Contains($"Chart: {title}", text);
                }
                // The first row's figures are in the PDF too (words of a long label may wrap between a row's cells, so figures only).
                if (section.QuerySelector("tbody tr") is { } first)
                    foreach (var cell in first.Children.Select(c => c.TextContent.Trim()).Where(c => !c.Contains(' ', StringComparison.Ordinal))) Assert.Contains(cell, text);
            }
        }
        Assert.True(charts >= 6);
        var structure = CommissioningPortal.Tests.Unit.Documents.PdfStructure.Read(pdf);
        var all = structure.Root!.Descendants().ToList();
        Assert.Equal(charts, all.Count(e => e.Type == "Figure"));
        Assert.All(all.Where(e => e.Type == "Figure"), f => Assert.False(string.IsNullOrWhiteSpace(f.Alt), string.Join(" | ", all.Where(e => e.Type == "Figure").Select(x => x.Alt))));
        var captions = all.Where(e => e.Type == "Table").Select(t => t.Children.FirstOrDefault(c => c.Type == "Caption")?.Text(structure.McidText) ?? "")
            .Select(c => c.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var withRows = titles.Count(t => !text.Contains($"{t}: nothing recorded yet.", StringComparison.Ordinal));
        Assert.Equal(withRows, captions.Count);
    }

    [Fact]
    public async Task Another_authoritys_commissioner_gets_a_404_and_other_roles_are_refused()
    {
        using var ardbrae = _portal.CreatePortalClient();
        await ardbrae.SignInAsync(DemoUsers.ArdbraeCommissioner);
        foreach (var path in new[] { "/authority/glenmore/insight", "/authority/glenmore/insight/market", "/authority/glenmore/insight/market/providers", "/authority/glenmore/insight/statement.pdf", "/authority/glenmore/insight/market/market-kinds.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ardbrae.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _commissioner.GetAsync(path)).StatusCode);
        }
        // /insight takes a commissioner to their own authority's.
        var start = await ardbrae.GetAsync("/insight");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/authority/ardbrae/insight", start.Headers.Location!.OriginalString);
        using var practitioner = _portal.CreatePortalClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var refused = await practitioner.GetAsync("/authority/glenmore/insight/market");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)), $"{refused.StatusCode}");
        using var anonymous = _portal.CreatePortalClient();
        var login = await anonymous.GetAsync("/authority/glenmore/insight/market");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/account/login", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // An authority that does not exist is not found in the open data either.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/insight/nowhere")).StatusCode);
    }
}
