using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>
/// The Open Referral UK / HSDS 3.0 feed as a client that follows the UK profile uses it. The project's
/// own conformance checks (required fields, paging, filters, no personal data) always run; checks
/// against the official HSDS schemas run when <c>OPEN_DATA_SCHEMAS</c> names them and are skipped,
/// with the reason, otherwise (see <see cref="OpenDataSchemas"/>). Its own portal, with one more
/// verified Personal Assistant (Rowan) whose personal details are distinctive, so a leak shows.
/// </summary>
public abstract class OpenReferralTests(PortalFactory portal) : PortalTestBase(portal)
{
    private const string Feed = "/api/openreferral";

    /// <summary>Rowan's details, which must appear in no response, and Morag's (from the demo data).</summary>
    private static readonly string[] PersonalDetails =
    [
        "07700 900987", "17 Rowan Brae", "Kinlochard", "IV63 7ZZ", "rowan.lennox.home@pa.example", "PVG-4242-7777-0001", "UTR-98765-43210", "INS-PA-55501",
        "07700 900123", "Birch Cottages", "PH22 1QX", "morag.pa@pa.example",
    ];

    private static readonly ConditionalWeakTable<PortalFactory, Task<Guid>> Rowan = new();

    /// <summary>A verified Personal Assistant in North Glenmore, added once per portal; returns the provider's id.</summary>
    private Task<Guid> RowanAsync() => Rowan.GetValue(Portal, static portal => SeedRowanAsync(portal));

    private static async Task<Guid> SeedRowanAsync(PortalFactory portal)
    {
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var provider = new Provider
        {
            Name = "Rowan Lennox", Kind = ProviderKind.PersonalAssistant, Summary = "Personal Assistant for adults with a learning disability.",
            ContactEmail = "rowan.lennox.home@pa.example", Phone = "07700 900987", AddressLine = "17 Rowan Brae", Town = "Kinlochard",
            Postcode = "IV63 7ZZ", Website = "https://rowan.example", CreatedAt = now,
        };
        PassportItem Item(PassportItemKind kind, string number, DateOnly? expires = null)
        {
            var item = new PassportItem
            {
                ProviderId = provider.Id, Kind = kind, Number = number, ExpiresOn = expires, EvidenceFileName = "evidence.pdf",
                EvidenceContentType = "application/pdf", CreatedAt = now,
            };
            item.Verify("Test commissioner", now);
            return item;
        }
        PassportItem[] items =
        [
            Item(PassportItemKind.Pvg, "PVG-4242-7777-0001"), Item(PassportItemKind.SelfEmployment, "UTR-98765-43210"),
            Item(PassportItemKind.PublicLiability, "INS-PA-55501", today.AddDays(300)),
        ];
        return await portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.Include(a => a.Localities).SingleAsync(a => a.Code == "glenmore");
            var service = new Service
            {
                ProviderId = provider.Id, Name = "Support with everyday living", Description = "Help with cooking, budgeting and getting out and about.",
                SupportTypes = ["personal-assistant"], ClientGroups = ["learning-disability"], Languages = ["en", "gd"],
                CreatedAt = now,
            };
            service.RecordChange(now, null);
            service.CoverLocalities(glenmore.Localities.Where(l => l.Code is "north" or "islands").Select(l => (glenmore.Id, l.Id)));
            service.AddRate(1875, RateUnit.PerHour, today.AddDays(-10));
            service.Reindex(provider);
            ProviderVerification.Refresh(provider, items, today, [service]);
            Assert.True(provider.IsVerifiedOn(today));
            db.Providers.Add(provider);
            db.PassportItems.AddRange(items);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return provider.Id;
        });
    }

    private async Task<PortalClient> ClientAsync()
    {
        await RowanAsync();
        return NewClient();
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> GetJsonAsync(PortalClient client, string url) => await JsonAsync(await client.GetAsync(url));

    /// <summary>The HSDS page envelope: every field present with its type and consistent with the contents.</summary>
    private static async Task<JsonArray> PageAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        var page = (await JsonAsync(response)).AsObject();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size" })
        {
            Assert.True(page[field]?.GetValueKind() == JsonValueKind.Number, $"{url}: {field} is a number");
        }
        foreach (var field in new[] { "first_page", "last_page", "empty" })
        {
            Assert.True(page[field]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{url}: {field} is a boolean");
        }
        var contents = page["contents"]!.AsArray();
        Assert.Equal(contents.Count, (int)page["size"]!);
        Assert.Equal(contents.Count == 0, (bool)page["empty"]!);
        return contents;
    }

    private static List<string> Names(JsonArray items, string field = "name") => items.Select(i => (string)i![field]!).ToList();

    private static void AssertRequired(JsonNode? item, params string[] fields)
    {
        foreach (var field in fields) Assert.True(item?[field] is not null, $"{field} missing from {item?.ToJsonString()}");
    }

    private static Task<Guid> ServiceIdAsync(PortalFactory portal, string name) =>
        portal.WithDbAsync(db => db.Services.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    // --- Conformance: always run ------------------------------------------------------------------

    [Fact]
    public async Task Services_are_verified_listings_with_the_required_fields_and_hsds_paging()
    {
        using var client = await ClientAsync();
        var services = await PageAsync(client, $"{Feed}/services");
        var names = Names(services);
        Assert.Contains("Care at home in North Glenmore", names);
        Assert.Contains("Personal Assistant – older people", names);
        Assert.Contains("Flexible support around South Glenmore", names);
        Assert.Contains("Support with everyday living", names);
        Assert.DoesNotContain("Adapted climbing sessions", names); // insurance not yet checked
        Assert.DoesNotContain("Supported living", names); // insurance rejected
        foreach (var service in services) AssertRequired(service, "id", "name", "status", "organization_id", "url", "last_modified");

        // Paging: two per page over the verified services.
        var first = await GetJsonAsync(client, $"{Feed}/services?per_page=2&page=1");
        var total = (int)first["total_items"]!;
        Assert.Equal(services.Count, total);
        Assert.Equal((total + 1) / 2, (int)first["total_pages"]!);
        Assert.True((bool)first["first_page"]!);
        Assert.Equal(total <= 2, (bool)first["last_page"]!);
        var beyond = await GetJsonAsync(client, $"{Feed}/services?per_page=2&page=50");
        Assert.True((bool)beyond["empty"]!);
        Assert.Equal(0, (int)beyond["size"]!);
    }

    [Fact]
    public async Task Every_endpoint_of_the_profile_answers_200_for_a_known_id_and_404_problem_json_for_an_unknown_one()
    {
        using var client = await ClientAsync();
        var root = await GetJsonAsync(client, $"{Feed}/");
        Assert.Equal("3.0", (string)root["version"]!);
        AssertRequired(root, "profile", "openapi_url");

        (string List, string[] Required)[] endpoints =
        [
            ("services", ["id", "name", "status"]),
            ("service_at_locations", ["id", "service_id", "location_id", "location"]),
            ("organizations", ["id", "name", "description"]),
            ("taxonomies", ["id", "name", "description"]),
            ("taxonomy_terms", ["id", "name", "description"]),
        ];
        foreach (var (list, required) in endpoints)
        {
            var items = await PageAsync(client, $"{Feed}/{list}?per_page=200");
            Assert.NotEmpty(items);
            foreach (var item in items) AssertRequired(item, required);

            var known = (string)items[0]!["id"]!;
            var one = await GetJsonAsync(client, $"{Feed}/{list}/{known}");
            Assert.Equal(known, (string)one["id"]!);
            AssertRequired(one, required);

            foreach (var unknown in new[] { Guid.NewGuid().ToString(), "not-an-id" })
            {
                var missing = await client.GetAsync($"{Feed}/{list}/{unknown}");
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
                var problem = JsonNode.Parse(await missing.Content.ReadAsStringAsync(Ct))!;
                Assert.Equal(404, (int)problem["status"]!);
                Assert.Contains(unknown, (string)problem["detail"]!);
            }
        }

        // An unverified provider's service, organisation and service-at-location are not published.
        var unverified = await ServiceIdAsync(Portal, "Adapted climbing sessions");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Feed}/services/{unverified}")).StatusCode);
        var (climbing, climbingArea) = await Portal.WithDbAsync(async db =>
            (await db.Providers.Where(p => p.Name == "Ardbrae Climbing Wall").Select(p => p.Id).SingleAsync(Ct),
             await db.ServiceAreas.Where(a => a.ServiceId == unverified).Select(a => a.Id).FirstAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Feed}/organizations/{climbing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Feed}/service_at_locations/{climbingArea}")).StatusCode);
    }

    [Fact]
    public async Task Organizations_taxonomies_and_terms_are_published_with_their_links()
    {
        using var client = await ClientAsync();
        var organizations = await PageAsync(client, $"{Feed}/organizations");
        Assert.Equal(["Bright Steps Care", "Loch View Community Care", "Morag Campbell", "Rowan Lennox"], Names(organizations));

        var bright = organizations.Single(o => (string)o!["name"]! == "Bright Steps Care")!;
        var full = await GetJsonAsync(client, $"{Feed}/organizations/{bright["id"]}");
        Assert.Equal("hello@brightsteps.example", (string)full["email"]!);
        Assert.Equal(["Care at home in North Glenmore", "Overnight support"], Names(full["services"]!.AsArray()));
        Assert.Equal("Registered organisation", (string)full["attributes"]!.AsArray().Single()!["taxonomy_term"]!["name"]!);

        var taxonomies = await PageAsync(client, $"{Feed}/taxonomies");
        Assert.Equal(["Client groups", "Support types", "Languages", "Kinds of provider"], Names(taxonomies));
        var clientGroups = await GetJsonAsync(client, $"{Feed}/taxonomies/{taxonomies[0]!["id"]}");
        var dementia = clientGroups["taxonomy_terms"]!.AsArray().Single(t => (string)t!["term"]! == "dementia")!;
        var terms = await PageAsync(client, $"{Feed}/taxonomy_terms?taxonomy_id={taxonomies[0]!["id"]}&per_page=200");
        Assert.Equal(clientGroups["taxonomy_terms"]!.AsArray().Count, terms.Count);
        Assert.All(terms, t => Assert.Equal((string)taxonomies[0]!["id"]!, (string)t!["taxonomy_id"]!));
        // term_uri resolves to the term itself.
        var byUri = await GetJsonAsync(client, new Uri((string)dementia["term_uri"]!).PathAndQuery);
        Assert.Equal((string)dementia["id"]!, (string)byUri["id"]!);

        var service = await GetJsonAsync(client, $"{Feed}/services/{await ServiceIdAsync(Portal, "Care at home in North Glenmore")}");
        var attributes = service["attributes"]!.AsArray();
        Assert.Contains(attributes, a => (string)a!["taxonomy_term_id"]! == (string)dementia["id"]! && (string)a["link_type"]! == "audience");
        Assert.Contains(attributes, a => (string)a!["taxonomy_term"]!["term"]! == "registered-organisation");
        Assert.Contains("\"amount\":24.8", service.ToJsonString());
    }

    [Fact]
    public async Task Only_fields_the_uk_profile_defines_are_published()
    {
        using var client = await ClientAsync();
        var rowan = await RowanAsync();
        var pa = await PageAsync(client, $"{Feed}/services?organization_id={rowan}");
        string[] urls =
        [
            $"{Feed}/services?per_page=200", $"{Feed}/services/{pa[0]!["id"]}", $"{Feed}/organizations?per_page=200", $"{Feed}/organizations/{rowan}",
            $"{Feed}/service_at_locations?per_page=200&postcode=IV2&proximity=300000", $"{Feed}/taxonomies/{(await PageAsync(client, $"{Feed}/taxonomies"))[0]!["id"]}",
            $"{Feed}/taxonomy_terms?per_page=200",
        ];
        foreach (var url in urls)
        {
            var json = await GetJsonAsync(client, url);
            if (json["contents"] is JsonArray contents)
            {
                var type = url.Split('?')[0].Split('/')[3] switch { "services" => "service", "organizations" => "organization", "taxonomy_terms" => "taxonomy_term", _ => "service_at_location" };
                foreach (var item in contents) UkProfile.Check(item!, type, url);
            }
            else
            {
                UkProfile.Check(json, url.Contains("/services/") ? "service" : url.Contains("/organizations/") ? "organization" : "taxonomy", url);
            }
        }
        var sal = await PageAsync(client, $"{Feed}/service_at_locations?per_page=1");
        UkProfile.Check(await GetJsonAsync(client, $"{Feed}/service_at_locations/{sal[0]!["id"]}"), "service_at_location", "service_at_locations/{id}");
    }

    [Fact]
    public async Task Modified_after_in_the_future_returns_no_services_and_a_bad_date_answers_400()
    {
        using var client = await ClientAsync();
        var all = await GetJsonAsync(client, $"{Feed}/services");
        Assert.True((int)all["total_items"]! > 0);
        var tomorrow = Portal.Clock.GetUtcNow().AddDays(1);
        foreach (var list in new[] { "services", "service_at_locations" })
        {
            foreach (var future in new[] { "2030-01-01", tomorrow.ToString("yyyy-MM-dd"), tomorrow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") })
            {
                var none = await GetJsonAsync(client, $"{Feed}/{list}?modified_after={future}");
                Assert.Equal(0, (int)none["total_items"]!);
                Assert.True((bool)none["empty"]!);
            }
            var since = await GetJsonAsync(client, $"{Feed}/{list}?modified_after={Portal.Clock.GetUtcNow().AddDays(-400):yyyy-MM-dd}");
            Assert.True((int)since["total_items"]! > 0);

            var bad = await client.GetAsync($"{Feed}/{list}?modified_after=not-a-date");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!;
            Assert.Contains("not-a-date", (string)problem["errors"]!["modified_after"]![0]!);
        }

        // The cut-off is a moment: a service last changed before it is left out.
        var rowanService = await Portal.WithDbAsync(db => db.Services.Where(s => s.Name == "Support with everyday living").SingleAsync(Ct));
        var cutOff = rowanService.UpdatedAt.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.DoesNotContain("Support with everyday living", Names((await GetJsonAsync(client, $"{Feed}/services?modified_after={cutOff}&per_page=200"))["contents"]!.AsArray()));
    }

    [Fact]
    public async Task Search_narrows_every_list()
    {
        using var client = await ClientAsync();
        Assert.Equal(["Overnight support"], Names(await PageAsync(client, $"{Feed}/services?search=overnight")));
        Assert.Equal(["Overnight support"], (await PageAsync(client, $"{Feed}/service_at_locations?search=Overnight")).Select(s => (string)s!["service"]!["name"]!).ToList());
        Assert.Equal(["Bright Steps Care"], Names(await PageAsync(client, $"{Feed}/organizations?search=bright steps")));
        Assert.Equal(["Rowan Lennox"], Names(await PageAsync(client, $"{Feed}/organizations?search=learning disability")));
        Assert.Equal(["Languages"], Names(await PageAsync(client, $"{Feed}/taxonomies?search=language")));
        Assert.Equal(["Scottish Gaelic"], Names(await PageAsync(client, $"{Feed}/taxonomy_terms?search=gaelic")));
        Assert.Empty(await PageAsync(client, $"{Feed}/taxonomy_terms?search=zzzz-nothing"));
    }

    [Fact]
    public async Task Taxonomy_term_taxonomy_and_organization_filters_narrow_services_and_their_locations()
    {
        using var client = await ClientAsync();
        var terms = await PageAsync(client, $"{Feed}/taxonomy_terms?per_page=200");
        string Term(string code, string taxonomy = "Client groups") =>
            (string)terms.Single(t => (string)t!["term"]! == code && (string)t["taxonomy"]! == taxonomy)!["id"]!;

        Assert.Equal(["Care at home in North Glenmore", "Personal Assistant – older people"],
            Names(await PageAsync(client, $"{Feed}/services?taxonomy_term_id={Term("dementia")}")).Order().ToList());
        Assert.Equal(["Personal Assistant – older people", "Support with everyday living"],
            Names(await PageAsync(client, $"{Feed}/services?taxonomy_term_id={Term("personal-assistant", "Support types")}&per_page=200")).Distinct().Order().ToList());
        Assert.Equal(["Care at home in North Glenmore", "Personal Assistant – older people", "Support with everyday living"],
            Names(await PageAsync(client, $"{Feed}/services?taxonomy_term_id={Term("gd", "Languages")}")).Order().ToList());

        var bright = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal(["Care at home in North Glenmore", "Overnight support"], Names(await PageAsync(client, $"{Feed}/services?organization_id={bright}")).Order().ToList());
        var brightPlaces = await PageAsync(client, $"{Feed}/service_at_locations?organization_id={bright}&taxonomy_term_id={Term("dementia")}");
        Assert.Equal(["North Glenmore", "South Glenmore"], brightPlaces.Select(s => (string)s!["location"]!["name"]!).Order().ToList());

        var languages = (string)(await PageAsync(client, $"{Feed}/taxonomies?search=languages"))[0]!["id"]!;
        Assert.NotEmpty(await PageAsync(client, $"{Feed}/services?taxonomy_id={languages}"));
        Assert.Empty(await PageAsync(client, $"{Feed}/services?taxonomy_term_id={Guid.NewGuid()}"));
        Assert.Empty(await PageAsync(client, $"{Feed}/services?organization_id={Guid.NewGuid()}"));

        var bad = await client.GetAsync($"{Feed}/services?taxonomy_term_id=dementia&organization_id=bright&page=zero&per_page=5000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!["errors"]!;
        foreach (var field in new[] { "taxonomy_term_id", "organization_id", "page", "per_page" }) Assert.NotNull(errors[field]);
        Assert.Contains("\"dementia\"", (string)errors["taxonomy_term_id"]![0]!);
    }

    [Fact]
    public async Task Postcode_finds_the_services_covering_it_and_proximity_lists_them_nearest_first_with_the_distance()
    {
        using var client = await ClientAsync();
        // IV2 is in North Glenmore: the services there, each 0 m away.
        var north = await PageAsync(client, $"{Feed}/service_at_locations?postcode=IV2%203AB&per_page=200");
        Assert.Equal(["Care at home in North Glenmore", "Overnight support", "Personal Assistant – older people", "Support with everyday living"],
            north.Select(s => (string)s!["service"]!["name"]!).Order().ToList());
        Assert.All(north, s => Assert.Equal("North Glenmore", (string)s!["location"]!["name"]!));
        Assert.All(north, s => Assert.Equal(0, (int)s!["distance"]!));
        Assert.Equal(north.Count, (await PageAsync(client, $"{Feed}/service_at_locations?postcode=iv23ab&per_page=200")).Count);
        Assert.Empty(await PageAsync(client, $"{Feed}/service_at_locations?postcode=ZE1%200AA"));

        // Within 80 km: North Glenmore (0 m) then South Glenmore (about 62 km); the islands (about 118 km) are too far.
        var near = await PageAsync(client, $"{Feed}/service_at_locations?postcode=IV2%203AB&proximity=80000&per_page=200");
        var distances = near.Select(s => (int)s!["distance"]!).ToList();
        Assert.Equal(distances.Order().ToList(), distances);
        Assert.Equal(["North Glenmore", "South Glenmore"], near.Select(s => (string)s!["location"]!["name"]!).Distinct().ToList());
        Assert.InRange(distances.Max(), 55_000, 70_000);
        var wider = await PageAsync(client, $"{Feed}/service_at_locations?postcode=IV2&proximity=150000&per_page=200");
        Assert.Equal(["North Glenmore", "South Glenmore", "Glenmore Islands"], wider.Select(s => (string)s!["location"]!["name"]!).Distinct().ToList());
        Assert.All(wider, s => Assert.True((int)s!["distance"]! <= 150_000));

        // Paging walks the localities in order: pages of two add up to the whole list.
        var paged = new List<string>();
        for (var page = 1; page <= (wider.Count + 1) / 2; page++)
        {
            paged.AddRange((await PageAsync(client, $"{Feed}/service_at_locations?postcode=IV2&proximity=150000&per_page=2&page={page}")).Select(s => (string)s!["id"]!));
        }
        Assert.Equal(wider.Select(s => (string)s!["id"]!).ToList(), paged);
        Assert.Equal(wider.Count, (int)(await GetJsonAsync(client, $"{Feed}/service_at_locations?postcode=IV2&proximity=150000&per_page=2"))["total_items"]!);

        foreach (var (query, field) in new[] { ("postcode=not-a-postcode", "postcode"), ("proximity=5000", "proximity"), ("postcode=IV2&proximity=far", "proximity"), ("postcode=IV2&proximity=-3", "proximity") })
        {
            var bad = await client.GetAsync($"{Feed}/service_at_locations?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!["errors"]![field]);
        }
    }

    [Fact]
    public async Task Service_areas_are_text_extents_and_a_personal_assistant_is_placed_in_areas_never_at_home()
    {
        using var client = await ClientAsync();
        var rowan = await RowanAsync();
        var localities = await Portal.WithDbAsync(db => db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id.ToString(), Ct));
        var service = (await PageAsync(client, $"{Feed}/services?organization_id={rowan}")).Single()!;
        var full = await GetJsonAsync(client, $"{Feed}/services/{service["id"]}");
        var areas = full["service_areas"]!.AsArray();
        Assert.Equal(["Glenmore Islands", "North Glenmore"], Names(areas).Order().ToList());
        Assert.All(areas, a =>
        {
            Assert.Equal("text", (string)a!["extent_type"]!);
            Assert.Equal("S12000017", (string)a["extent"]!);
            Assert.Equal("http://statistics.data.gov.uk/id/statistical-geography/S12000017", (string)a["uri"]!);
        });

        var places = full["service_at_locations"]!.AsArray().Select(s => s!).ToList();
        places.AddRange((await PageAsync(client, $"{Feed}/service_at_locations?organization_id={rowan}")).Select(p => p!));
        places.Add(await GetJsonAsync(client, $"{Feed}/service_at_locations/{places[0]["id"]}"));
        Assert.Equal(5, places.Count);
        foreach (var place in places)
        {
            var location = place["location"]!;
            var locality = localities[(string)location["id"]!];
            Assert.Equal((string)place["location_id"]!, locality.Id.ToString());
            Assert.Equal(locality.Name, (string)location["name"]!);
            Assert.Equal(locality.Latitude, (double)location["latitude"]!);
            Assert.Equal(locality.Longitude, (double)location["longitude"]!);
            Assert.Null(location["addresses"]);
        }
    }

    [Fact]
    public async Task No_response_of_any_endpoint_contains_a_personal_assistants_home_address_phone_email_or_registration_numbers()
    {
        using var client = await ClientAsync();
        var rowan = await RowanAsync();
        var morag = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Morag Campbell").Select(p => p.Id).SingleAsync(Ct));
        var bodies = new Dictionary<string, string>();
        async Task<JsonNode> Read(string url)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
            bodies[url] = body;
            return JsonNode.Parse(body)!;
        }

        var root = await Read($"{Feed}/");
        await Read(new Uri((string)root["openapi_url"]!).PathAndQuery);
        string[] lists =
        [
            "services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms",
            $"services?organization_id={rowan}", $"services?organization_id={morag}", "services?search=lennox",
            "service_at_locations?postcode=IV63%207ZZ", "service_at_locations?postcode=PH22%201QX&proximity=500000", "organizations?search=rowan",
        ];
        foreach (var list in lists)
        {
            var page = await Read($"{Feed}/{list}{(list.Contains('?') ? '&' : '?')}per_page=200");
            var detail = list.Split('?')[0];
            foreach (var item in page["contents"]!.AsArray()) await Read($"{Feed}/{detail}/{item!["id"]}");
        }
        Assert.Contains(bodies, b => b.Value.Contains("Rowan Lennox"));
        Assert.Contains(bodies, b => b.Value.Contains("Morag Campbell"));
        foreach (var (url, body) in bodies)
        {
            foreach (var secret in PersonalDetails) Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} contains \"{secret}\"");
        }
        // A Personal Assistant's organisation: name, description and profile, nothing to reach them at home by.
        var organization = JsonNode.Parse(bodies[$"{Feed}/organizations/{rowan}"])!;
        Assert.Null(organization["email"]);
        Assert.Null(organization["website"]);
    }

    [Fact]
    public async Task The_openapi_description_is_linked_from_the_root_and_describes_every_endpoint_the_feed_serves()
    {
        using var client = await ClientAsync();
        var root = await GetJsonAsync(client, $"{Feed}/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri((string)root["openapi_url"]!).PathAndQuery);
        request.Headers.Add("Origin", "https://example.org");
        var response = await client.Http.SendAsync(request, Ct);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var document = await JsonAsync(response);

        static string Normal(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
        var described = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {Normal(p.Key)}")).Order().ToList();
        var served = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Feed, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normal(e.RoutePattern.RawText!)}"))
            .Order().ToList();
        Assert.Equal(11, served.Count);
        Assert.Equal(served, described);

        // It speaks the feed's language: snake_case fields, and the profile's filters where they apply.
        var schemas = document["components"]!["schemas"]!.AsObject().Where(s => s.Key.StartsWith("Hsds", StringComparison.Ordinal)).ToList();
        Assert.Contains(schemas, s => s.Value!["properties"]?["total_items"] is not null);
        foreach (var (name, schema) in schemas)
        {
            foreach (var (field, type) in schema!["properties"]!.AsObject())
            {
                Assert.True(field == JsonNamingPolicy.SnakeCaseLower.ConvertName(field), $"{name}.{field} is not snake_case");
                Assert.DoesNotContain("string", type!["type"]?.ToJsonString() is { } t && (t.Contains("integer") || t.Contains("number")) ? t : "");
            }
            foreach (var field in schema["required"]?.AsArray() ?? []) Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName((string)field!), (string)field!);
        }
        var parameters = document["paths"]![$"{Feed}/service_at_locations"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
        foreach (var name in new[] { "page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "postcode", "proximity" })
        {
            Assert.Contains(name, parameters);
        }
    }

    [Fact]
    public async Task Any_origin_may_read_it()
    {
        using var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Feed}/services");
        request.Headers.Add("Origin", "https://example.org");
        var response = await client.Http.SendAsync(request, Ct);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    // --- The official HSDS 3.0 schemas: only where OPEN_DATA_SCHEMAS names them ---------------------

    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new();

    private static async Task AssertValidAsync(string folder, string schemaFile, JsonNode? item, string url)
    {
        var schema = await Schemas.GetOrAdd(Path.Combine(folder, schemaFile), static path => JsonSchema.FromFileAsync(path));
        var errors = schema.Validate(item!.ToJsonString());
        Assert.True(errors.Count == 0, $"{url} against {schemaFile}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{item.ToJsonString()}");
    }

    [Theory]
    [InlineData("services", "compiled/service_list.json", "compiled/service_with_definitions.json")]
    [InlineData("service_at_locations", "compiled/service_at_location_list.json", "service_at_location.json")]
    [InlineData("organizations", "compiled/organization_list.json", "organization.json")]
    [InlineData("taxonomies", "taxonomy.json", "taxonomy.json")]
    [InlineData("taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json")]
    public async Task Items_validate_against_the_official_HSDS_3_0_schemas(string list, string listSchema, string itemSchema)
    {
        var folder = OpenDataSchemas.Require(OpenDataSchemas.Hsds);
        using var client = await ClientAsync();
        var urls = new List<string> { $"{Feed}/{list}?per_page=200" };
        if (list == "service_at_locations") urls.Add($"{Feed}/{list}?per_page=200&postcode=IV2&proximity=300000");
        foreach (var url in urls)
        {
            var items = await PageAsync(client, url);
            Assert.NotEmpty(items);
            foreach (var item in items)
            {
                await AssertValidAsync(folder, listSchema, item, url);
                var detailUrl = $"{Feed}/{list}/{item!["id"]}";
                var detail = await GetJsonAsync(client, detailUrl);
                await AssertValidAsync(folder, itemSchema, detail, detailUrl);
                if (detail["service"] is { } service) await AssertValidAsync(folder, "compiled/service_with_definitions.json", service, detailUrl);
                foreach (var nested in detail["services"]?.AsArray() ?? []) await AssertValidAsync(folder, "compiled/service_list.json", nested, detailUrl);
                foreach (var nested in detail["taxonomy_terms"]?.AsArray() ?? []) await AssertValidAsync(folder, "taxonomy_term.json", nested, detailUrl);
            }
        }
    }
}

/// <summary>
/// The fields the Open Referral UK profile (3.0) defines for each object the feed publishes, plus
/// <c>distance</c> on a service-at-location found by proximity (ADR 0011); anything else is an extra.
/// </summary>
internal static class UkProfile
{
    private static readonly Dictionary<string, (string[] Fields, Dictionary<string, string> Children)> Objects = new()
    {
        ["service"] = (["id", "organization_id", "name", "description", "url", "email", "status", "fees", "accreditations", "minimum_age", "maximum_age",
            "assured_date", "assurer_email", "alert", "last_modified", "schedules", "service_areas", "service_at_locations", "languages", "organization",
            "funding", "cost_options", "contacts", "attributes"],
            new() { ["organization"] = "organization", ["service_areas"] = "service_area", ["service_at_locations"] = "service_at_location", ["cost_options"] = "cost_option", ["attributes"] = "attribute" }),
        ["organization"] = (["id", "name", "description", "email", "website", "logo", "uri", "parent_organization_id", "organization_identifiers", "attributes", "services"],
            new() { ["attributes"] = "attribute", ["services"] = "service" }),
        ["service_area"] = (["id", "service_id", "name", "extent", "extent_type", "uri", "service_area"], []),
        ["service_at_location"] = (["id", "service_id", "location_id", "location", "service", "distance"], new() { ["location"] = "location", ["service"] = "service" }),
        ["location"] = (["id", "location_type", "name", "description", "latitude", "longitude", "external_identifier", "external_identifier_type", "addresses", "accessibility", "attributes"], []),
        ["cost_option"] = (["id", "service_id", "valid_from", "valid_to", "option", "amount", "amount_description"], []),
        ["attribute"] = (["id", "link_id", "taxonomy_term_id", "link_type", "taxonomy_term"], new() { ["taxonomy_term"] = "taxonomy_term" }),
        ["taxonomy"] = (["id", "name", "description", "uri", "version", "taxonomy_terms"], new() { ["taxonomy_terms"] = "taxonomy_term" }),
        ["taxonomy_term"] = (["id", "name", "description", "parent_id", "taxonomy", "taxonomy_id", "term_uri", "term"], []),
    };

    public static void Check(JsonNode node, string type, string where)
    {
        var (fields, children) = Objects[type];
        foreach (var (name, value) in node.AsObject())
        {
            Assert.True(fields.Contains(name), $"{where}: {type}.{name} is not in the UK profile");
            if (value is null || !children.TryGetValue(name, out var child)) continue;
            if (value is JsonArray array) foreach (var item in array) Check(item!, child, where);
            else Check(value, child, where);
        }
    }
}

public sealed class OpenReferralSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class OpenReferralPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class OpenReferralOnSqlite(OpenReferralSqlitePortal p) : OpenReferralTests(p), IClassFixture<OpenReferralSqlitePortal>;

public sealed class OpenReferralOnPostgres : OpenReferralTests, IClassFixture<OpenReferralPostgresPortal>
{
    public OpenReferralOnPostgres(OpenReferralPostgresPortal p) : base(p)
    {
        if (!PortalFactory.PostgresAvailable) Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }
}
