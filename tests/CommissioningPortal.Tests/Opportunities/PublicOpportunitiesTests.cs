using Microsoft.EntityFrameworkCore;
using System.Net;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Tests.Frameworks;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Opportunities;

/// <summary>The public list and page: published opportunities only, filtered, as CSV; a draft is never shown; the description's Markdown is sanitised.</summary>
public abstract class PublicOpportunitiesTests(PortalFactory portal) : PortalTestBase(portal)
{
    private string _authorityCode = "";

    private async Task<(Guid Published, Guid Draft, string Word)> SeedAsync()
    {
        var authority = await Portal.NewAuthorityAsync();
        _authorityCode = authority.Code;
        var word = "opp" + Guid.NewGuid().ToString("N")[..10];
        var now = Portal.Clock.GetUtcNow();
        OpportunityDetails Details(string title, string cpv) => new()
        {
            Kind = OpportunityKind.OpenTender, Title = title, Summary = $"Summary {word}",
            Description = "## Scope\n<script>alert(1)</script>Care at home.", CpvCodes = [cpv], Localities = ["east"], ClientGroups = ["older-people"],
            SubmissionDeadline = now.AddDays(30), QualityWeight = 60, PriceWeight = 30, FairWorkWeight = 10,
        };
        return await Portal.WithDbAsync(async db =>
        {
            var published = Opportunity.CreateDraft(authority.Id, Details($"Published {word}", "85312000"), now, "Test");
            published.AddLot("North lot", null, 100_00);
            published.AddLot("South lot", null, null);
            published.Publish(now, "Test");
            var draft = Opportunity.CreateDraft(authority.Id, Details($"Draft {word}", "85312000"), now, "Test");
            db.Opportunities.AddRange(published, draft);
            await db.SaveChangesAsync(Ct);
            return (published.Id, draft.Id, word);
        });
    }

    [Fact]
    public async Task A_fresh_demo_shows_opportunities_of_both_authorities_with_a_tender_open_for_responses()
    {
        using var client = NewClient();
        var list = await client.GetPageAsync("/opportunities?authority=glenmore");
        var text = list.Document.Body!.TextContent;
        Assert.Contains("Care at home in Glenmore North and South", text);
        Assert.Contains("Short breaks for carers", text);
        Assert.Contains("Ardbrae mental health alliance", (await client.GetPageAsync("/opportunities?authority=ardbrae")).Document.Body!.TextContent);

        var tender = list.Document.QuerySelectorAll("a").First(a => a.TextContent.Contains("Care at home in Glenmore North and South"));
        var page = await client.GetPageAsync(tender.GetAttribute("href")!);
        Assert.Contains("Glenmore South", page.Text); // its two lots
        Assert.Contains("regulations 74 to 76", page.Text);
    }

    [Fact]
    public async Task Anyone_finds_a_published_opportunity_by_word_and_cpv_and_never_a_draft()
    {
        var (published, draft, word) = await SeedAsync();
        var client = NewClient();

        var list = await client.GetPageAsync($"/opportunities?q={word}");
        Assert.Contains($"Published {word}", list.Document.Body!.TextContent);
        Assert.DoesNotContain($"Draft {word}", list.Document.Body!.TextContent);

        var byCpv = await client.GetPageAsync($"/opportunities?q={word}&cpv=85312000");
        Assert.Contains($"Published {word}", byCpv.Document.Body!.TextContent);
        var otherCpv = await client.GetPageAsync($"/opportunities?q={word}&cpv=85320000");
        Assert.Contains("No published opportunities match", otherCpv.Document.Body!.TextContent);
        var otherKind = await client.GetPageAsync($"/opportunities?q={word}&kind=MarketEngagement");
        Assert.DoesNotContain($"Published {word}", otherKind.Document.Body!.TextContent);

        Assert.Contains($"Published {word}", (await client.GetPageAsync($"/opportunities?q={word}&authority={_authorityCode}&locality=east&clientGroup=older-people")).Document.Body!.TextContent);
        Assert.DoesNotContain($"Published {word}", (await client.GetPageAsync($"/opportunities?q={word}&authority=ardbrae")).Document.Body!.TextContent);
        Assert.DoesNotContain($"Published {word}", (await client.GetPageAsync($"/opportunities?q={word}&locality=west")).Document.Body!.TextContent);
        // Its deadline is 30 days away: not closing soon.
        Assert.DoesNotContain($"Published {word}", (await client.GetPageAsync($"/opportunities?q={word}&closingSoon=true")).Document.Body!.TextContent);

        var filtered = await client.GetPageAsync($"/opportunities?q={word}&locality=east");
        Assert.Contains($"locality=east", filtered.Document.QuerySelector("a[href*='handler=export']")!.GetAttribute("href"));

        var csv = await client.GetAsync($"/opportunities?handler=export&q={word}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Published {word}", text);
        Assert.DoesNotContain($"Draft {word}", text);

        var page = await client.GetPageAsync($"/opportunities/{published}");
        var body = page.Document.Body!;
        Assert.Contains("North lot", body.TextContent);
        Assert.Contains("South lot", body.TextContent);
        Assert.Contains("Submission deadline", body.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/opportunities/{draft}")).StatusCode);

        var ics = await client.GetAsync($"/opportunities/{published}?handler=ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar);
        Assert.Contains("SUMMARY:Submission deadline: Published " + word, calendar.Replace("\r\n ", ""));
        Assert.EndsWith("END:VCALENDAR\r\n", calendar);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/opportunities/{draft}?handler=ics")).StatusCode);
    }

    /// <summary>
    /// The list is held in memory (PublishedOpportunities); a publication or cancellation written by another node
    /// (here, straight to the database, past this node's use cases) shows on the next request, without waiting for
    /// the clock, which this test does not move.
    /// </summary>
    [Fact]
    public async Task The_list_shows_a_publication_and_a_cancellation_made_elsewhere_on_the_next_request()
    {
        var (published, draft, word) = await SeedAsync();
        using var client = NewClient();
        Assert.Contains($"Published {word}", (await client.GetPageAsync($"/opportunities?q={word}")).Text);

        await Portal.WithDbAsync(async db =>
        {
            var now = Portal.Clock.GetUtcNow();
            (await db.Opportunities.SingleAsync(o => o.Id == draft, Ct)).Publish(now, "Another node");
            (await db.Opportunities.SingleAsync(o => o.Id == published, Ct)).Cancel("Withdrawn for re-scoping.", now, "Another node");
            await db.SaveChangesAsync(Ct);
        });

        var list = (await client.GetPageAsync($"/opportunities?q={word}")).Text;
        Assert.Contains($"Draft {word}", list);
        Assert.DoesNotContain($"Published {word}", list);
    }
}

public sealed class PublicOpportunitiesOnSqlite(SqlitePortal portal) : PublicOpportunitiesTests(portal);
