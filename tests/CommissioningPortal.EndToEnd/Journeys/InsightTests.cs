using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Glenmore's commissioner visits every insight page (issue 21) from the menu: axe finds nothing, and every chart is
/// an image with a title and a description and has its data table beside it (the text alternative), with a CSV link.
/// </summary>
public sealed class InsightTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Every_insight_page_is_accessible_and_every_chart_has_a_table_alternative()
    {
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/insight");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Commissioner insight");
        Assert.EndsWith("/authority/glenmore/insight", new Uri(Page.Url).AbsolutePath);
        await CheckAccessibilityAsync();

        var charts = 0;
        foreach (var (slug, title) in new[] { ("market", "Market map"), ("demand", "Unmet demand"), ("options", "Options and budgets"), ("prices", "The price of care"), ("frameworks", "Framework health") })
        {
            await VisitAsync($"/authority/glenmore/insight/{slug}");
            await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(title);
            await CheckAccessibilityAsync();
            var sections = Page.Locator("section.insight-table");
            Assert.True(await sections.CountAsync() > 0);
            for (var i = 0; i < await sections.CountAsync(); i++)
            {
                var section = sections.Nth(i);
                await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("as CSV$") })).ToBeVisibleAsync();
                var svg = section.Locator("svg");
                if (await svg.CountAsync() == 0) continue;
                charts++;
                Assert.Equal("img", await svg.GetAttributeAsync("role"));
                Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("title").TextContentAsync()));
                Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("desc").TextContentAsync()));
                // The text alternative: the chart's data table in the same section, and a sentence under the chart.
                await Assertions.Expect(section.Locator("table.insight-data")).ToHaveCountAsync(1);
                await Assertions.Expect(section.Locator("figcaption")).ToContainTextAsync("gives every value");
            }
        }
        Assert.True(charts > 0, "at least one chart was drawn");

        // The drill-down from the market map.
        await VisitAsync("/authority/glenmore/insight/market/providers");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Providers");
        await CheckAccessibilityAsync();
    }
}
