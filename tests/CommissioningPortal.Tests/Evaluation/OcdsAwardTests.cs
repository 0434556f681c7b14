using System.Text.Json.Nodes;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;
using Xunit;

namespace CommissioningPortal.Tests.Evaluation;

/// <summary>Issue 16 part 7: award, awardUpdate and contract releases validate against the official OCDS 1.1 release package schema, as the opportunities' do.</summary>
public abstract class OcdsAwardTests(PortalFactory portal) : PortalTestBase(portal)
{
    /// <summary>An opened tender taken to a recorded contract through the domain (the journey test does it through the pages).</summary>
    private async Task<(Guid OpportunityId, DateTimeOffset Start)> AwardedAsync(string word)
    {
        var start = Portal.Clock.GetUtcNow().AddSeconds(-5);
        var t = await Portal.OpenedTenderAsync(word);
        await Portal.WithDbAsync(async db =>
        {
            var now = Portal.Clock.GetUtcNow().AddMinutes(1); // after the publication (the shared clock does not move)
            var o = await db.Opportunities.SingleAsync(x => x.Id == t.Tender.OpportunityId);
            var lead = await db.Users.SingleAsync(u => u.Email == t.Tender.Authority.CommissionerEmail);
            var e = Domain.Evaluations.Evaluation.Start(o.Id, o.AuthorityId, now, "Test");
            e.AddMember(lead.Id, lead.DisplayName, lead.Email!, PanelRole.Commissioner);
            e.StartModeration(now);
            foreach (var bid in new[] { t.Low, t.High })
            foreach (var q in new[] { t.Tender.Written, t.Second })
                e.RecordConsensus(bid.ResponseId, q, 4, 3, "Agreed.", now, "Test");
            e.FinishModeration([], now);
            e.DecideAward(t.High.ResponseId, true, "Best value.", now, "Test");
            o.RecordAward(OpportunityChangeKind.AwardDecided, "Award decided.", now, "Test");
            db.Evaluations.Add(e);
            await db.SaveChangesAsync();
            e.EndStandstill(now.AddDays(10));
            db.ContractRecords.Add(ContractRecord.For(e, t.High.ProviderId, t.High.Name, o.Title, 200_000_00, new DateOnly(2027, 6, 1), 24, now.AddDays(10)));
            o.RecordAward(OpportunityChangeKind.AwardUpdated, "Standstill ended.", now.AddDays(10), "system");
            o.RecordAward(OpportunityChangeKind.ContractAwarded, "Contract recorded.", now.AddDays(10).AddMilliseconds(1), "system");
            await db.SaveChangesAsync();
        });
        return (t.Tender.OpportunityId, start);
    }

    [Fact]
    public async Task Award_update_and_contract_releases_validate_against_the_official_OCDS_1_1_schema()
    {
        var folder = OpenDataSchemas.Require(OpenDataSchemas.Ocds);
        var word = Guid.NewGuid().ToString("N")[..8];
        var (id, start) = await AwardedAsync(word);
        var local = Directory.CreateTempSubdirectory("ocds-schema-").FullName;
        try
        {
            var packageSchema = (await File.ReadAllTextAsync(Path.Combine(folder, "release-package-schema.json"), Ct))
                .Replace("https://standard.open-contracting.org/schema/1__1__5/release-schema.json", "release-schema.json", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(local, "release-package-schema.json"), packageSchema, Ct);
            File.Copy(Path.Combine(folder, "release-schema.json"), Path.Combine(local, "release-schema.json"));
            var schema = await JsonSchema.FromFileAsync(Path.Combine(local, "release-package-schema.json"), Ct);
            using var client = NewClient();
            var since = Uri.EscapeDataString(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            var json = await client.Http.GetStringAsync($"/api/ocds/releases?since={since}&pageSize=1000", Ct);
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Take(20).Select(e => $"{e.Path} {e.Kind}")));
            var mine = JsonNode.Parse(json)!["releases"]!.AsArray().Where(r => r!["ocid"]!.GetValue<string>() == $"ocds-scsds1-{id}").Select(r => r!["tag"]![0]!.GetValue<string>()).ToList();
            Assert.Equal(["tender", "award", "awardUpdate", "contract"], mine);
            var bulk = await client.Http.GetStringAsync("/api/ocds/releases/bulk", Ct);
            Assert.True(schema.Validate(bulk).Count == 0);
            Assert.Contains($"High {word}", bulk);
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }
}

public sealed class OcdsAwardOnSqlite(SqlitePortal portal) : OcdsAwardTests(portal);

public sealed class OcdsAwardOnPostgres(PostgresPortal portal) : OcdsAwardTests(portal);
