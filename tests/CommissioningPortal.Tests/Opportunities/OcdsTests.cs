using System.Net;
using System.Text.Json.Nodes;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Frameworks;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;
using Xunit;

namespace CommissioningPortal.Tests.Opportunities;

/// <summary>
/// OCDS 1.1 (issue 15 part 6): each change-log line of a published opportunity is a release with the right tag;
/// the authority is the buyer in parties; paging and since=; a record per ocid; the bulk package; no natural
/// person (a commissioner's name, a Personal Assistant, a supported person, an individual package) ever appears;
/// and, where OPEN_DATA_SCHEMAS names the official schemas, the package validates against release-package-schema.json.
/// </summary>
public abstract class OcdsTests(PortalFactory portal) : PortalTestBase(portal)
{
    private const string Commissioner = "Fiona Naturalperson";

    private async Task<(Opportunity Tender, Opportunity Engagement, Opportunity Package, DateTimeOffset Start)> SeedAsync()
    {
        var authority = await Portal.NewAuthorityAsync();
        var start = Portal.Clock.GetUtcNow();
        var word = Guid.NewGuid().ToString("N")[..8];
        OpportunityDetails Details(OpportunityKind kind, string title) => new()
        {
            Kind = kind, Title = $"{title} {word}", Summary = "Support at home.", CpvCodes = ["85312000"], Localities = ["east"],
            EstimatedValuePence = 240_000_000, DurationMonths = 24, SubmissionDeadline = start.AddDays(30), ClarificationDeadline = start.AddDays(10),
            ExpectedAwardOn = DateOnly.FromDateTime(start.AddDays(40).UtcDateTime), ContractStartOn = DateOnly.FromDateTime(start.AddDays(60).UtcDateTime),
            QualityWeight = 60, PriceWeight = 30, FairWorkWeight = 10,
        };
        return await Portal.WithDbAsync(async db =>
        {
            var tender = Opportunity.CreateDraft(authority.Id, Details(OpportunityKind.OpenTender, "Tender"), start, Commissioner);
            tender.AddLot("North", null, 100_000_00);
            tender.AddLot("South", null, null);
            tender.Publish(start, Commissioner);
            tender.Amend(tender.Details() with { SubmissionDeadline = start.AddDays(35) }, "Five more days.", start.AddMinutes(1), Commissioner);
            tender.AddDocument("Specification", "spec.pdf", "application/pdf", 100, "0123456789abcdef0123456789abcdef", start.AddMinutes(2), Commissioner);
            tender.Cancel("Re-tendering.", start.AddMinutes(3), Commissioner);
            var engagement = Opportunity.CreateDraft(authority.Id, Details(OpportunityKind.MarketEngagement, "Engagement"), start, Commissioner);
            engagement.Publish(start, Commissioner);
            var package = Opportunity.CreateDraft(authority.Id, Details(OpportunityKind.IndividualPackage, "Support for Jamie Reid"), start, Commissioner);
            package.Publish(start, Commissioner);
            db.Opportunities.AddRange(tender, engagement, package);
            await db.SaveChangesAsync(Ct);
            return (tender, engagement, package, start);
        });
    }

    private async Task<JsonObject> GetJsonAsync(string url)
    {
        using var client = NewClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    [Fact]
    public async Task Each_change_is_a_release_tagged_for_what_happened_with_the_authority_as_buyer_and_no_person_named()
    {
        var (tender, engagement, package, start) = await SeedAsync();
        var since = Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"));
        var package1 = await GetJsonAsync($"/api/ocds/releases?since={since}&pageSize=1000");
        Assert.Equal("1.1", package1["version"]!.GetValue<string>());
        var releases = package1["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var ofTender = releases.Where(r => r["ocid"]!.GetValue<string>() == $"ocds-scsds1-{tender.Id}").ToList();
        Assert.Equal(["tender", "tenderAmendment", "tenderUpdate", "tenderCancellation"], ofTender.Select(r => r["tag"]![0]!.GetValue<string>()));
        var last = ofTender[^1];
        Assert.Equal("cancelled", last["tender"]!["status"]!.GetValue<string>());
        var party = last["parties"]![0]!;
        Assert.Contains("buyer", party["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(party["id"]!.GetValue<string>(), last["buyer"]!["id"]!.GetValue<string>());
        Assert.Equal("85312000", last["tender"]!["items"]![0]!["classification"]!["id"]!.GetValue<string>());
        Assert.Equal(2, last["tender"]!["lots"]!.AsArray().Count);
        Assert.Equal("planning", releases.Single(r => r["ocid"]!.GetValue<string>().EndsWith(engagement.Id.ToString(), StringComparison.Ordinal))["tag"]![0]!.GetValue<string>());
        // One person's package never appears, nor who made a change.
        var text = package1.ToJsonString();
        Assert.DoesNotContain(package.Id.ToString(), text);
        Assert.DoesNotContain("Jamie Reid", text);
        Assert.DoesNotContain(Commissioner, text);

        var later = await GetJsonAsync($"/api/ocds/releases?since={Uri.EscapeDataString(start.AddMinutes(3).ToString("O"))}&pageSize=1000");
        Assert.DoesNotContain(later["releases"]!.AsArray(), r => r!["tag"]![0]!.GetValue<string>() == "tenderAmendment" && r["ocid"]!.GetValue<string>().EndsWith(tender.Id.ToString(), StringComparison.Ordinal));

        var firstPage = await GetJsonAsync($"/api/ocds/releases?since={since}&pageSize=1");
        Assert.Single(firstPage["releases"]!.AsArray());
        Assert.Contains("page=2", firstPage["links"]!["next"]!.GetValue<string>());

        var record = await GetJsonAsync($"/api/ocds/records/ocds-scsds1-{tender.Id}");
        Assert.Equal(4, record["records"]![0]!["releases"]!.AsArray().Count);
        Assert.Equal("compiled", record["records"]![0]!["compiledRelease"]!["tag"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().GetAsync($"/api/ocds/records/ocds-scsds1-{package.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().GetAsync($"/api/ocds/records/other-{tender.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await NewClient().GetAsync("/api/ocds/releases?since=yesterday")).StatusCode);
        // A page or page size that is not a whole number is the caller's mistake, named (it was a 500: the binding failed).
        foreach (var (query, named) in new[] { ("page=two", "page must be"), ("pageSize=%3Cscript%3E", "pageSize must be"), ("page=99999999999999999999", "page must be") })
        {
            var refused = await NewClient().GetAsync($"/api/ocds/releases?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(named, await refused.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(HttpStatusCode.OK, (await NewClient().GetAsync("/api/ocds/releases?page=2147483647&pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task The_bulk_download_holds_every_release_and_no_personal_assistant_or_supported_person()
    {
        var (tender, _, package, _) = await SeedAsync();
        using var client = NewClient();
        var response = await client.GetAsync("/api/ocds/releases/bulk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var bulk = JsonNode.Parse(text)!;
        Assert.Equal(4, bulk["releases"]!.AsArray().Count(r => r!["ocid"]!.GetValue<string>() == $"ocds-scsds1-{tender.Id}"));
        Assert.DoesNotContain(package.Id.ToString(), text);
        var people = await Portal.WithDbAsync(async db =>
            (await db.Providers.Where(p => p.Kind == ProviderKind.PersonalAssistant).Select(p => p.Name).ToListAsync(Ct))
            .Concat(await db.SupportedPeople.Select(p => p.Name).ToListAsync(Ct))
            .Concat((await db.SupportedPeople.Where(p => p.Address != null).Select(p => p.Address!).ToListAsync(Ct))).ToList());
        Assert.NotEmpty(people);
        foreach (var person in people) Assert.DoesNotContain(person, text);
    }

    [Fact]
    public async Task The_release_package_validates_against_the_official_OCDS_1_1_schema()
    {
        var folder = OpenDataSchemas.Require(OpenDataSchemas.Ocds);
        await SeedAsync();
        // The package schema refers to the release schema by its web address: point it at the copy beside it instead (nothing is fetched).
        var local = Directory.CreateTempSubdirectory("ocds-schema-").FullName;
        try
        {
            var packageSchema = (await File.ReadAllTextAsync(Path.Combine(folder, "release-package-schema.json"), Ct))
                .Replace("https://standard.open-contracting.org/schema/1__1__5/release-schema.json", "release-schema.json", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(local, "release-package-schema.json"), packageSchema, Ct);
            File.Copy(Path.Combine(folder, "release-schema.json"), Path.Combine(local, "release-schema.json"));
            var schema = await JsonSchema.FromFileAsync(Path.Combine(local, "release-package-schema.json"), Ct);
            using var client = NewClient();
            foreach (var url in new[] { "/api/ocds/releases?pageSize=1000", "/api/ocds/releases/bulk" })
            {
                var json = await client.Http.GetStringAsync(url, Ct);
                var errors = schema.Validate(json);
                Assert.True(errors.Count == 0, $"{url}: {string.Join("; ", errors.Take(20).Select(e => $"{e.Path} {e.Kind}"))}");
            }
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }
}

public sealed class OcdsOnSqlite(SqlitePortal portal) : OcdsTests(portal);

public sealed class OcdsOnPostgres(PostgresPortal portal) : OcdsTests(portal);
