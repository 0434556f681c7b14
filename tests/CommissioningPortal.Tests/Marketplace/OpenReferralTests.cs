using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>The Open Referral UK / HSDS 3.0 feed, validated against the schemas in ../shared/standards/hsds-3.0/.</summary>
public abstract class OpenReferralTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly string[] PersonalDetails = ["07700 900123", "Birch Cottages", "PH22 1QX", "morag.pa@pa.example"];

    private static string SchemaFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", "hsds-3.0");
            if (Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "standards", "hsds-3.0");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("../shared/standards/hsds-3.0 not found above " + AppContext.BaseDirectory);
    }

    private static async Task AssertValidAsync(string schemaFile, JsonNode? item)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(SchemaFolder(), schemaFile));
        var errors = schema.Validate(item!.ToJsonString());
        Assert.True(errors.Count == 0, $"{schemaFile}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{item.ToJsonString()}");
    }

    /// <summary>The HSDS page envelope: every field present with its type, contents an array of valid items.</summary>
    private static async Task<JsonArray> AssertPageAsync(HttpResponseMessage response, string itemSchema)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size" })
        {
            Assert.True(page[field]?.GetValueKind() == JsonValueKind.Number, $"{field} is a number");
        }
        foreach (var field in new[] { "first_page", "last_page", "empty" })
        {
            Assert.True(page[field]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{field} is a boolean");
        }
        var contents = page["contents"]!.AsArray();
        Assert.Equal(contents.Count, (int)page["size"]!);
        foreach (var item in contents) await AssertValidAsync(itemSchema, item);
        return contents;
    }

    [Fact]
    public async Task Services_validate_against_hsds_and_only_verified_listings_appear()
    {
        using var client = NewClient();
        var services = await AssertPageAsync(await client.GetAsync("/api/openreferral/services"), "compiled/service_list.json");
        var names = services.Select(s => (string)s!["name"]!).ToList();
        Assert.Contains("Care at home in North Glenmore", names);
        Assert.Contains("Personal Assistant – older people", names);
        Assert.Contains("Flexible support around South Glenmore", names);
        Assert.DoesNotContain("Adapted climbing sessions", names); // insurance not yet checked
        Assert.DoesNotContain("Supported living", names); // insurance rejected

        foreach (var service in services)
        {
            var full = await client.GetAsync($"/api/openreferral/services/{service!["id"]}");
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            var json = JsonNode.Parse(await full.Content.ReadAsStringAsync(Ct));
            await AssertValidAsync("compiled/service_with_definitions.json", json);
        }
    }

    [Fact]
    public async Task No_personal_assistant_home_address_phone_or_email_appears_anywhere_in_the_feed()
    {
        using var client = NewClient();
        var morag = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Morag Campbell").Select(p => p.Id).SingleAsync(Ct));
        var bodies = new List<string>
        {
            await client.Http.GetStringAsync("/api/openreferral/services", Ct),
            await client.Http.GetStringAsync("/api/openreferral/organizations", Ct),
            await client.Http.GetStringAsync($"/api/openreferral/services?organization_id={morag}", Ct),
        };
        var moragServices = JsonNode.Parse(bodies[2])!["contents"]!.AsArray();
        Assert.Single(moragServices);
        var detail = await client.Http.GetStringAsync($"/api/openreferral/services/{moragServices[0]!["id"]}", Ct);
        bodies.Add(detail);
        foreach (var body in bodies)
        {
            foreach (var secret in PersonalDetails) Assert.DoesNotContain(secret, body);
        }
        var service = JsonNode.Parse(detail)!;
        Assert.Empty(service["phones"]!.AsArray());
        Assert.Empty(service["contacts"]!.AsArray());
        Assert.Null(service["organization"]!["locations"]);

        // An organisation's public contact details are published.
        var bright = await Portal.WithDbAsync(db => db.Services.Where(s => s.Name == "Care at home in North Glenmore").Select(s => s.Id).SingleAsync(Ct));
        var brightJson = await client.Http.GetStringAsync($"/api/openreferral/services/{bright}", Ct);
        Assert.Contains("01463 555 010", brightJson);
        Assert.Contains("12 Harbour Road", brightJson);
        Assert.Contains("\"amount\":24.8", brightJson);
    }

    [Fact]
    public async Task Organizations_taxonomies_and_terms_validate_and_page_as_hsds_specifies()
    {
        using var client = NewClient();
        var organizations = await AssertPageAsync(await client.GetAsync("/api/openreferral/organizations"), "compiled/organization_list.json");
        Assert.Equal(["Bright Steps Care", "Loch View Community Care", "Morag Campbell"], organizations.Select(o => (string)o!["name"]!).ToList());
        var taxonomies = await AssertPageAsync(await client.GetAsync("/api/openreferral/taxonomies"), "taxonomy.json");
        Assert.Equal(2, taxonomies.Count);
        var clientGroups = taxonomies.Single(t => (string)t!["name"]! == "Client groups")!["id"]!.ToString();
        var terms = await AssertPageAsync(await client.GetAsync($"/api/openreferral/taxonomy_terms?taxonomy_id={clientGroups}&per_page=100"), "taxonomy_term.json");
        Assert.Contains(terms, t => (string)t!["code"]! == "dementia");

        // Filtering services by a term.
        var dementia = terms.Single(t => (string)t!["code"]! == "dementia")!["id"]!.ToString();
        var withDementia = await AssertPageAsync(await client.GetAsync($"/api/openreferral/services?taxonomy_term_id={dementia}"), "compiled/service_list.json");
        Assert.Equal(["Care at home in North Glenmore", "Personal Assistant – older people"], withDementia.Select(s => (string)s!["name"]!).Order().ToList());

        // Paging: two per page over the verified services.
        var first = JsonNode.Parse(await client.Http.GetStringAsync("/api/openreferral/services?per_page=2&page=1", Ct))!;
        var total = (int)first["total_items"]!;
        Assert.Equal((total + 1) / 2, (int)first["total_pages"]!);
        Assert.True((bool)first["first_page"]!);
        Assert.Equal(total <= 2, (bool)first["last_page"]!);
        var beyond = JsonNode.Parse(await client.Http.GetStringAsync("/api/openreferral/services?per_page=2&page=50", Ct))!;
        Assert.True((bool)beyond["empty"]!);
        Assert.Equal(0, (int)beyond["size"]!);
    }

    [Fact]
    public async Task Any_origin_may_read_it_bad_paging_gets_400_naming_the_field_and_unknown_ids_404()
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/openreferral/services");
        request.Headers.Add("Origin", "https://example.org");
        var response = await client.Http.SendAsync(request, Ct);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var bad = await client.GetAsync("/api/openreferral/services?page=zero&per_page=5000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]!["page"]);
        Assert.NotNull(problem["errors"]!["per_page"]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/openreferral/services/{Guid.NewGuid()}")).StatusCode);
        var unverified = await Portal.WithDbAsync(db => db.Services.Where(s => s.Name == "Adapted climbing sessions").Select(s => s.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/openreferral/services/{unverified}")).StatusCode);
    }
}

public sealed class OpenReferralOnSqlite(SqlitePortal p) : OpenReferralTests(p);

public sealed class OpenReferralOnPostgres(PostgresPortal p) : OpenReferralTests(p);
