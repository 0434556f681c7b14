using System.Net;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 14: the provider posts to the ISF ledger in a browser: an overspend is stopped until a reason is
/// given, then a mistaken entry is reversed with a reason and both stay on the statement; axe on every page.
/// </summary>
public sealed class LedgerTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>An agreement from today, £93.75 a week, offered and accepted by all three parties over HTTP.</summary>
    private async Task<Guid> AuthorisedAgreementAsync(string person)
    {
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync());
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        using var practitioner = Portal.CreatePortalClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), new Dictionary<string, string>
        {
            ["PersonName"] = person, ["PersonEmail"] = DemoUsers.Person, ["ProviderId"] = provider.ToString(),
            ["Terms.WeeklyBudget"] = "93.75", ["Terms.PersonContribution"] = "0", ["Terms.BudgetHolder"] = "Bright Steps Care, on the person's behalf",
            ["Terms.ManagementFee"] = "ConsolidatedRate", ["Terms.PaymentIntervalWeeks"] = "4",
            ["Terms.StartDate"] = today.ToString("yyyy-MM-dd"), ["Terms.ReviewDate"] = today.AddMonths(6).ToString("yyyy-MM-dd"),
            ["Terms.NoticeWeeks"] = "4", ["Terms.Outcomes"] = "Go swimming every week",
        });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var id = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner })
        {
            using var client = Portal.CreatePortalClient();
            await client.SignInAsync(party);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agreements/{id}/v1/offered")).StatusCode); // acceptance needs the PDF opened
            var page = await client.GetPageAsync($"/agreements/{id}");
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["Confirm"] = "true" }, "main form[method=post]")).StatusCode);
        }
        return id;
    }

    [Fact]
    public async Task An_overspend_needs_a_reason_and_a_mistake_is_reversed_beside_the_entry()
    {
        var person = $"Ledger Person {Guid.NewGuid().ToString()[..4]}";
        var id = await AuthorisedAgreementAsync(person);
        var ledgerUrl = $"/agreements/{id}/ledger";

        await SignInAsync(DemoUsers.Provider);
        await VisitAsync(ledgerUrl);

        // £5,000 on a £93.75-a-week ISF: stopped, every problem said at once, what was typed kept.
        await Page.Locator("label[for=Kind-Purchase]").ClickAsync();
        await Page.Locator("#Amount").FillAsync("5000");
        await Page.Locator("#Narrative").FillAsync("New bed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("below zero");
        await Assertions.Expect(Page.Locator("#Reason-error")).ToContainTextAsync("15%");
        await Assertions.Expect(Page.Locator("#Amount")).ToHaveValueAsync("5000");
        await CheckAccessibilityAsync();

        await Page.Locator("#Reason").FillAsync("Agreed with the practitioner: the old bed broke");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("have been told");
        await Assertions.Expect(Page.Locator("#ledger-balance")).ToHaveTextAsync("-£4,625.00");
        await CheckAccessibilityAsync();

        // It was the wrong ledger after all: reverse it, with a reason; both entries stay, linked.
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Reverse the entry") }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Reverse a ledger entry");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reverse the entry" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Reason-error")).ToContainTextAsync("Say why");
        await CheckAccessibilityAsync();
        await Page.Locator("#Reason").FillAsync("Bought for another person");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reverse the entry" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#ledger-balance")).ToHaveTextAsync("£375.00");
        await Assertions.Expect(Page.Locator("#entries .ledger-reversed")).ToContainTextAsync("Bought for another person");
        await Assertions.Expect(Page.Locator("#entries .ledger-reversal")).ToContainTextAsync("Reversal");
        await CheckAccessibilityAsync();
    }
}
