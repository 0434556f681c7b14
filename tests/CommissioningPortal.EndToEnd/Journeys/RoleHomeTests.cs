using CommissioningPortal.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>Every demo role signs in through the real form and reaches its own home; axe checks each page.</summary>
public sealed class RoleHomeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string, string> DemoRoles => new()
    {
        { "commissioner@glenmore.example", "/authority/glenmore", "Glenmore Health and Social Care Partnership" },
        { "practitioner@glenmore.example", "/authority/glenmore", "Glenmore Health and Social Care Partnership" },
        { "finance@glenmore.example", "/authority/glenmore", "Glenmore Health and Social Care Partnership" },
        { "panel@glenmore.example", "/panel", "Lived-experience panel" },
        { "provider@brightsteps.example", "/provider", "Bright Steps Care" },
        { "micro@lochview.example", "/provider", "Loch View Community Care" },
        { "morag.pa@pa.example", "/provider", "Morag Campbell" },
        { "person@people.example", "/my-support", "My support" },
        { "representative@people.example", "/my-support", "My support" },
        { "admin@portal.example", "/admin", "Administration" },
    };

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public async Task Demo_user_signs_in_and_reaches_their_home(string email, string home, string heading)
    {
        await SignInAsync(email);

        Assert.Equal(home, new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(heading);
        await CheckAccessibilityAsync();

        await VisitAsync("/account/manage");
        await VisitAsync("/");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pages/your-four-sds-options")]
    [InlineData("/pages/about")]
    [InlineData("/pages/accessibility")]
    [InlineData("/pages/privacy")]
    [InlineData("/cookies")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    public async Task Public_page_passes_axe(string path) => await VisitAsync(path);

    [Fact]
    public async Task Unknown_page_is_a_friendly_404_that_passes_axe()
    {
        await VisitAsync("/pages/no-such-page", expectedStatus: 404);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Page not found");
    }

    [Fact]
    public async Task Cookie_notice_hides_without_javascript_after_ok()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/pages/about");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "OK, hide this message" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.EndsWith("/pages/about", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "OK, hide this message" })).ToHaveCountAsync(0);
    }
}
