using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Tests.Frameworks;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Opportunities;

/// <summary>An opportunity with its lots and change log is stored and read back whole, on a real database.</summary>
public abstract class OpportunityStorageTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task A_published_opportunity_with_two_lots_and_an_amendment_reads_back_as_it_was_saved()
    {
        var authority = await Portal.NewAuthorityAsync();
        var clock = Portal.Clock.GetUtcNow();
        // Deadlines are typed to the minute; whole seconds survive every provider's storage exactly.
        var now = new DateTimeOffset(clock.Year, clock.Month, clock.Day, clock.Hour, clock.Minute, clock.Second, TimeSpan.Zero);
        var details = new OpportunityDetails
        {
            Kind = OpportunityKind.OpenTender, Title = "Care at home", Summary = "Care at home for adults.",
            CpvCodes = ["85312000", "85311000"], Localities = ["east"], ClientGroups = ["older-people"],
            EstimatedValuePence = 123_456_00, DurationMonths = 24,
            PublicationAt = now, SubmissionDeadline = now.AddDays(30), ClarificationDeadline = now.AddDays(10),
            QualityWeight = 60, PriceWeight = 30, FairWorkWeight = 10,
        };
        var id = await Portal.WithDbAsync(async db =>
        {
            var o = Opportunity.CreateDraft(authority.Id, details, now, "Test Commissioner");
            o.AddLot("East", "Adults in the east", 50_000_00);
            o.AddLot("West", null, null);
            db.Opportunities.Add(o);
            await db.SaveChangesAsync(Ct);
            return o.Id;
        });
        await Portal.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.Include(x => x.Lots).Include(x => x.Changes).SingleAsync(x => x.Id == id, Ct);
            o.Publish(now, "Test Commissioner");
            o.Amend(o.Details() with { SubmissionDeadline = now.AddDays(40) }, "More time.", now.AddMinutes(5), "Test Commissioner");
            await db.SaveChangesAsync(Ct);
        });

        var saved = await Portal.WithDbAsync(db => db.Opportunities.AsNoTracking().Include(x => x.Lots).Include(x => x.Changes).SingleAsync(x => x.Id == id, Ct));
        Assert.Equal(OpportunityStatus.Published, saved.Status);
        Assert.Equal(["85312000", "85311000"], saved.CpvCodes);
        Assert.Equal(["East", "West"], saved.Lots.OrderBy(l => l.Number).Select(l => l.Title));
        Assert.Equal(now.AddDays(40), saved.SubmissionDeadline);
        Assert.Equal(2, saved.Changes.Count);
        Assert.Contains(saved.Changes, c => c.What.Contains("submission deadline") && c.By == "Test Commissioner");

        var published = await Portal.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published && o.AuthorityId == authority.Id && o.SubmissionDeadline > now, Ct));
        Assert.Equal(1, published);
    }
}

public sealed class OpportunityStorageOnSqlite(SqlitePortal portal) : OpportunityStorageTests(portal);

public sealed class OpportunityStorageOnPostgres(PostgresPortal portal) : OpportunityStorageTests(portal);
