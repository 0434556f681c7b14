using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// A commissioner works through the passport checks for the demo Personal Assistant Duncan
/// Stewart: opens the queue and an item, is stopped for not ticking the box, verifies both items,
/// and the public profile then shows "Verified". Axe on every page and state.
/// </summary>
public sealed class VerificationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Provider = "Duncan Stewart";

    [Fact]
    public async Task Commissioner_verifies_a_personal_assistants_passport_from_the_queue()
    {
        var providerId = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == Provider).Select(p => p.Id).SingleAsync());
        await SignInAsync(DemoUsers.GlenmoreCommissioner);

        await VisitAsync("/verification");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Passport checks waiting");
        await Assertions.Expect(Page.Locator(".portal-navigation [data-testid=verification-count]")).ToBeVisibleAsync(); // the menu counts them
        await Assertions.Expect(Page.Locator("main tbody tr", new() { HasText = Provider })).ToHaveCountAsync(2);

        // Filter with the form, then a value that is not a choice.
        await Page.GetByLabel("Kind of check").SelectOptionAsync(new SelectOptionValue { Label = "PVG scheme membership" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show checks" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator("main tbody tr", new() { HasText = Provider })).ToHaveCountAsync(1);
        await VisitAsync("/verification?kind=Passport", expectedStatus: 400);
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Choose a kind of check from the list");

        // Open the PVG item: its number, the evidence link and the other item are there.
        await VisitAsync("/verification?kind=Pvg");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"PVG scheme membership for {Provider}" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.GetByText("5555 6666 7777 8888")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open the evidence: pvg-duncan.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#other-items")).ToContainTextAsync("Public liability insurance");

        // Verify without ticking the box: refused, naming it.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Tick the box to confirm you have checked the evidence");
        await CheckAccessibilityAsync();
        await VerificationSteps.VerifyOpenItemAsync(Page);
        await CheckAccessibilityAsync();

        // The rest through the helper other journeys use.
        Assert.Equal(1, await VerificationSteps.VerifyAllAsync(Page, Provider, CheckAccessibilityAsync));
        await Assertions.Expect(Page.Locator("main tbody tr", new() { HasText = Provider })).ToHaveCountAsync(0);

        await VisitAsync($"/directory/{providerId}");
        await Assertions.Expect(Page.Locator("main .ds_tag", new() { HasText = "Verified" }).First).ToHaveTextAsync("Verified");
    }
}
