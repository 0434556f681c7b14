using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 15 (public side): a visitor finds a published tender on /opportunities by a word and a filter, opens
/// it and gets its key dates as a calendar file; an empty search says so. axe on each page. The tender is
/// published through the domain (the commissioner's pages are still to come).
/// </summary>
public sealed class OpportunityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_visitor_finds_a_published_tender_opens_it_and_takes_its_dates()
    {
        var word = "tender" + Guid.NewGuid().ToString("N")[..8];
        await Portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore");
            var now = Portal.Clock.GetUtcNow();
            var tender = Opportunity.CreateDraft(glenmore.Id, new OpportunityDetails
            {
                Kind = OpportunityKind.OpenTender, Title = $"Care at home {word}", Summary = "Support at home for older people in Glenmore.",
                Description = "## What we want\nSupport that starts from what people want to achieve.", CpvCodes = ["85312000"],
                ClientGroups = ["older-people"], SubmissionDeadline = now.AddDays(30), QualityWeight = 70, PriceWeight = 20, FairWorkWeight = 10,
            }, now, "Fiona MacLeod");
            tender.AddLot("North", null, null);
            tender.AddLot("South", null, null);
            tender.Publish(now, "Fiona MacLeod");
            db.Opportunities.Add(tender);
            await db.SaveChangesAsync();
        });

        await VisitAsync("/opportunities?q=nothing-matches-" + word);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("No");
        await CheckAccessibilityAsync();

        await VisitAsync($"/opportunities?q={word}&kind=OpenTender");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Care at home {word}" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync($"Care at home {word}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("South");
        await CheckAccessibilityAsync();

        var ics = await Context.APIRequest.GetAsync(new Uri(Page.Url).AbsolutePath + "?handler=ics");
        Assert.True(ics.Ok);
        Assert.Contains("BEGIN:VCALENDAR", await ics.TextAsync());
    }
}
