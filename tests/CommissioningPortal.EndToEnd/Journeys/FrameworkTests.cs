using System.Text.RegularExpressions;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Ardbrae's commissioner builds a framework in the browser — create, add a lot, admit a provider,
/// make it live — with axe on every framework page and its error states; then a member of the
/// public finds that provider with the directory's "On the framework of" filter.
/// </summary>
public sealed class FrameworkTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Commissioner_builds_a_framework_and_the_public_finds_its_provider_with_the_framework_filter()
    {
        var reference = "ARD-FW-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await SignInAsync(DemoUsers.ArdbraeCommissioner);

        await VisitAsync("/frameworks");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Frameworks");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create a framework" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        Assert.EndsWith("/frameworks/new", Page.Url);
        await VisitAsync("/frameworks/new");

        // Nothing typed in the reference: the page again, with the error and the title kept.
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Community activities framework");
        var refused = Page.WaitForResponseAsync(r => r.Url.EndsWith("/frameworks/new") && r.Request.Method == "POST");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create framework" }).ClickAsync();
        Assert.Equal(400, (await refused).Status);
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Enter the framework's reference.");
        await Assertions.Expect(Page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Community activities framework");
        await CheckAccessibilityAsync();

        await Page.GetByLabel("Reference", new() { Exact = true }).FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create framework" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Framework {reference} created as a draft");
        var details = new Uri(Page.Url).AbsolutePath;
        Assert.Matches("^/frameworks/[0-9a-f-]{36}$", details);
        await VisitAsync(details);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Community activities framework");

        // A lot for leisure activities in Ardbrae Town.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a lot" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await VisitAsync(details + "/lots/new");
        await Page.GetByLabel("Lot title").FillAsync("Leisure in town");
        await Page.GetByLabel("Type of support").SelectOptionAsync("leisure-activities");
        await TickAsync("Ardbrae Town");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add lot" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lot 1 added.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Lot 1: Leisure in town" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("in Ardbrae Town")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();

        // Find the climbing wall by name; admitting without choosing is refused, accessibly.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Admit a provider to lot 1" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        var admit = new Uri(Page.Url).AbsolutePath;
        await VisitAsync(admit);
        await Page.GetByLabel("Provider's name").FillAsync("climbing");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find providers" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.GetByLabel("Rate on this lot in pounds (optional)").FillAsync("12.50");
        await Page.GetByLabel("For each").SelectOptionAsync("PerSession");
        refused = Page.WaitForResponseAsync(r => r.Url.EndsWith("/admit") && r.Request.Method == "POST");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit provider" }).ClickAsync();
        Assert.Equal(400, (await refused).Status);
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Choose the provider to admit.");
        await Assertions.Expect(Page.GetByLabel("Rate on this lot in pounds (optional)")).ToHaveValueAsync("12.50");
        await CheckAccessibilityAsync();
        await Page.Locator("label", new() { HasTextRegex = new Regex("^Ardbrae Climbing Wall") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit provider" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ardbrae Climbing Wall admitted to lot 1.");
        var row = Page.Locator("tbody tr", new() { HasText = "Ardbrae Climbing Wall" });
        await Assertions.Expect(row).ToContainTextAsync("£12.50 per session");
        await Assertions.Expect(row).ToContainTextAsync("Admitted");
        await CheckAccessibilityAsync();

        // The member's confirmation pages (looked at, then cancelled).
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Suspend") }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        var suspend = new Uri(Page.Url).AbsolutePath;
        await VisitAsync(suspend);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Suspend Ardbrae Climbing Wall on lot 1?");
        await VisitAsync(suspend.Replace("/suspend", "/withdraw"));
        await Assertions.Expect(Page.GetByText("This cannot be undone.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        Assert.EndsWith(details, Page.Url);

        // Make it live through its confirmation page.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Make live" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await VisitAsync(details + "/make-live");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Make Community activities framework live?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make it live" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Community activities framework is live.");
        await CheckAccessibilityAsync();
        await VisitAsync(details + "/end"); // the other confirmation, not confirmed
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("End Community activities framework?");

        await VisitAsync("/frameworks");
        var listed = Page.Locator("tbody tr", new() { HasText = reference });
        await Assertions.Expect(listed).ToContainTextAsync("Live");
        await Assertions.Expect(listed.Locator("td").Nth(5)).ToHaveTextAsync("1");

        // The public directory: "On the framework of Ardbrae Council" lists the climbing wall only.
        await Context.ClearCookiesAsync();
        await VisitAsync("/directory");
        await Page.Locator("summary", new() { HasText = "Filter the results" }).ClickAsync();
        await Page.GetByLabel("On the framework of").SelectOptionAsync(new SelectOptionValue { Label = "Ardbrae Council" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        Assert.Contains("framework=ardbrae", Page.Url);
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator(".ds_search-result")).ToHaveCountAsync(1);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Adapted climbing sessions" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Ardbrae Climbing Wall");
        await Assertions.Expect(Page.Locator(".portal-frameworks")).ToContainTextAsync("Ardbrae Council: Community activities framework, lot 1: Leisure in town");
        await CheckAccessibilityAsync();
    }
}
