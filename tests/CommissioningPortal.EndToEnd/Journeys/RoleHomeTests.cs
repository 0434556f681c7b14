using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>Every demo role signs in through the real form and reaches its own home; axe checks each page.</summary>
public sealed class RoleHomeTests(BrowserFixture fixture, ClassPortal portal) : BrowserTest(fixture), IClassFixture<ClassPortal>
{
    // Its own portal: signing out ends every session of the account, and other classes use the demo users at the same time.
    protected override PortalFactory Portal => portal.Started();

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
    [InlineData("/account/check-email")]
    [InlineData("/account/resend-confirmation")]
    [InlineData("/account/reset-password?email=someone%40test.example&code=abc")]
    public async Task Public_page_passes_axe(string path) => await VisitAsync(path);

    [Theory]
    [InlineData("/account/confirm-email?userId=nobody&code=bad", 400)]
    [InlineData("/account/access-denied", 403)]
    [InlineData("/error/500", 500)]
    [InlineData("/error/409", 409)]
    public async Task Error_page_passes_axe(string path, int status) => await VisitAsync(path, status);

    [Fact]
    public async Task Recovery_code_page_passes_axe_and_refuses_a_wrong_code()
    {
        await VisitAsync("/account/login");
        await Page.GetByLabel("E-mail address").FillAsync(DemoUsers.GlenmoreCommissioner);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.GetByLabel("Recovery code").FillAsync("not-a-code");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("That recovery code is not right").First).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
    }

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
