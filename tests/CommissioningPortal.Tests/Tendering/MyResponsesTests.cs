using System.Net;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Tendering;

/// <summary>Issue 15 part 4: a provider's "My responses": every response of its organisation with deadline and time left, last saved, receipt time, a link to carry on, and a CSV.</summary>
public abstract class MyResponsesTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task AddResponseAsync(Guid opportunityId, Guid providerId, bool submit = false, bool withdraw = false) => Portal.WithDbAsync(async db =>
    {
        var now = Portal.Clock.GetUtcNow();
        var deadline = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.SubmissionDeadline).SingleAsync();
        var response = TenderResponse.Start(opportunityId, providerId, false, now, deadline);
        if (submit || withdraw) response.Submit(now, deadline, false, new string('a', 64));
        if (withdraw) response.Withdraw(now, deadline);
        db.TenderResponses.Add(response);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_provider_with_no_responses_is_told_how_to_start_one_and_finds_the_page_in_its_menu()
    {
        var (email, _) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Nothing yet {Guid.NewGuid():N}"[..30]);
        using var client = await Portal.SignedInProviderAsync(email);
        var page = await client.GetPageAsync("/tenders/mine");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("You have not started a response yet.", page.Text);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/opportunities']"));
        Assert.Null(page.Document.QuerySelector("main table"));
        Assert.Contains(page.Document.QuerySelectorAll("nav[aria-label='Main'] a.ds_site-navigation__link"), a => a.GetAttribute("href") == "/tenders/mine" && a.TextContent.Trim() == "My responses");
    }

    [Fact]
    public async Task A_provider_sees_its_drafts_submitted_and_withdrawn_responses_with_time_left_and_downloads_them_as_csv()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var drafted = await Portal.NewTenderAsync($"{word} drafted");
        var submitted = await Portal.NewTenderAsync($"{word} submitted");
        var withdrawn = await Portal.NewTenderAsync($"{word} withdrawn");
        var othersOnly = await Portal.NewTenderAsync($"{word} others");
        var (email, providerId) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Mine {word}");
        var (_, otherProvider) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Not mine {word}");
        await AddResponseAsync(drafted.OpportunityId, providerId);
        await AddResponseAsync(submitted.OpportunityId, providerId, submit: true);
        await AddResponseAsync(withdrawn.OpportunityId, providerId, withdraw: true);
        await AddResponseAsync(othersOnly.OpportunityId, otherProvider, submit: true);

        using var client = await Portal.SignedInProviderAsync(email);
        var page = await client.GetPageAsync("/tenders/mine");
        var rows = page.Document.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains($"Tender {word} drafted") && r.Contains("Draft") && r.Contains("closes in 20 days") && r.Contains("Not submitted"));
        Assert.Contains(rows, r => r.Contains($"Tender {word} submitted") && r.Contains("Submitted") && !r.Contains("Not submitted"));
        Assert.Contains(rows, r => r.Contains($"Tender {word} withdrawn") && r.Contains("Withdrawn"));
        Assert.DoesNotContain(rows, r => r.Contains($"Tender {word} others"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/tenders/{drafted.OpportunityId}/respond']"));
        Assert.Contains("See or withdraw", page.Document.QuerySelector($"main a[href='/tenders/{submitted.OpportunityId}/respond']")!.TextContent);

        var csv = await client.Http.GetAsync("/tenders/mine?handler=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("Opportunity,Authority,Status", text.TrimStart('\uFEFF'));
        Assert.Contains($"Tender {word} drafted", text);
        Assert.Contains("Withdrawn (a draft again)", text);
        Assert.Contains(new string('a', 64), text); // the submitted one's receipt
        Assert.DoesNotContain($"Tender {word} others", text);
        Assert.Contains("closes in 20 days", text);

        // After the deadline it stays listed, closed, with no link to carry on.
        await Portal.SetDeadlineAsync(drafted.OpportunityId, Portal.Clock.GetUtcNow().AddMinutes(-1));
        page = await client.GetPageAsync("/tenders/mine");
        var closed = page.Document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains($"Tender {word} drafted"));
        Assert.Contains("Closed", closed.TextContent);
        Assert.Null(closed.QuerySelector("a[href$='/respond']"));
    }
}

public sealed class MyResponsesOnSqlite(SqlitePortal portal) : MyResponsesTests(portal);

public sealed class MyResponsesOnPostgres(PostgresPortal portal) : MyResponsesTests(portal);
