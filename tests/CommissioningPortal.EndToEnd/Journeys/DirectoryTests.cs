using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>A member of the public filters the directory with the keyboard and opens a profile; axe on every state.</summary>
public sealed class DirectoryTests(BrowserFixture fixture, ClassPortal portal) : BrowserTest(fixture), IClassFixture<ClassPortal>
{
    // Its own portal: it counts the demo data's results, and other classes add verified providers meanwhile.
    protected override PortalFactory Portal => portal.Started();

    [Fact]
    public async Task Public_filters_the_directory_and_opens_a_personal_assistants_profile()
    {
        await VisitAsync("/directory");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Find support and providers");

        await Page.GetByLabel("Search words").FillAsync("gaelic");
        await Page.Locator("summary", new() { HasText = "Filter the results" }).ClickAsync();
        await Page.GetByLabel("Who the support is for").SelectOptionAsync(new SelectOptionValue { Label = "Older people" });
        await TickAsync("Verified providers only");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator(".ds_search-result")).ToHaveCountAsync(2);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Personal Assistant – older people" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Morag Campbell");
        await Assertions.Expect(Page.GetByText("we do not publish their home address")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();

        // The empty state and a refused filter are accessible too.
        await VisitAsync("/directory?q=zzzzqqq");
        await Assertions.Expect(Page.GetByText("Nothing matches all of your choices.")).ToBeVisibleAsync();
        await VisitAsync("/directory?maxRate=lots", expectedStatus: 400);
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Enter the most you want to pay");
    }

    [Fact]
    public async Task An_organisations_profile_lists_its_services_and_checks()
    {
        await VisitAsync("/directory?kind=RegisteredOrganisation&verified=true");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Care at home in North Glenmore" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        var path = new Uri(Page.Url).AbsolutePath;
        await VisitAsync(path);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Bright Steps Care");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overnight support" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Care Inspectorate registration")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Care Inspectorate grades" })).ToBeVisibleAsync();
    }
}
