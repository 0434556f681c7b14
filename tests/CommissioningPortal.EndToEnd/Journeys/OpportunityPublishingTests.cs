using System.Text.RegularExpressions;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 15 in the browser, axe on every page and error state: a provider saves a search for CPV 85312000;
/// Glenmore's commissioner creates a tender (a wrong weight first), adds two lots and a document, previews it,
/// confirms publication; the provider's alert e-mail is in the outbox; the provider follows it; the commissioner
/// amends it with a note and looks at the cancel confirmation.
/// </summary>
public sealed class OpportunityPublishingTests(BrowserFixture fixture) : TenderJourneyTest(fixture)
{
    private const string Provider = MicroProvider;

    [Fact]
    public async Task A_commissioner_publishes_a_tender_with_two_lots_and_a_provider_following_its_CPV_gets_the_alert()
    {
        var title = "Supported living " + Guid.NewGuid().ToString("N")[..8];

        await SignInAsync(Provider);
        await SaveCpvSearchAsync("85312000");

        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/authority/glenmore/opportunities");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create an opportunity" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await FillTenderAsync(title, Portal.Clock.GetUtcNow().AddDays(30), qualityWeight: "70");
        var refused = Page.WaitForResponseAsync(r => r.Url.EndsWith("/opportunities/new") && r.Request.Method == "POST");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Equal(400, (await refused).Status);
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("must add up to 100");
        await Assertions.Expect(Page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await CheckAccessibilityAsync();

        await Page.GetByLabel("Quality weight (%)").FillAsync("60");
        var here = await SaveDraftAsync();

        await AddLotsAsync("Glenmore North", "Glenmore South");
        await Page.GetByLabel("Document title (optional)").FillAsync("Service specification");
        await Page.GetByLabel("Document", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "specification.pdf", MimeType = "application/pdf", Buffer = ProviderTestData.MinimalPdf("Specification"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Attach document" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Document attached");
        await CheckAccessibilityAsync();

        await VisitAsync($"{here}/edit");
        var id = await PreviewAndPublishAsync(here, "Glenmore South", "Service specification");

        var alert = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == Provider && m.Subject == $"New opportunity: {title}").Select(m => m.TextBody).SingleAsync());
        Assert.Contains($"/opportunities/{id}", alert);

        await SwitchToAsync(Provider);
        await VisitAsync($"/opportunities/{id}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Service specification");
        await VisitAsync($"/opportunities/{id}/follow");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Follow it" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are following it");
        await CheckAccessibilityAsync();

        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"{here}/edit");
        await Page.GetByLabel("Submission deadline").FillAsync($"{Portal.Clock.GetUtcNow().AddDays(37):d/M/yyyy} 12:00");
        var noNote = Page.WaitForResponseAsync(r => r.Url.EndsWith("/edit") && r.Request.Method == "POST");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Amend and tell followers" }).ClickAsync();
        Assert.Equal(400, (await noNote).Status);
        await CheckAccessibilityAsync();
        await Page.GetByLabel("What changed and why").FillAsync("A week longer: the specification now covers overnight support.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Amend and tell followers" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Amended");
        Assert.Equal(1, await Portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == Provider && m.Subject == $"Changed: {title}")));

        await VisitAsync($"{here}/cancel");
        await VisitAsync($"{here}/close");
        await VisitAsync("/authority/glenmore/opportunities");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(title);
    }
}
