using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>An administrator edits, previews and publishes a page in the browser; axe checks every admin page.</summary>
public sealed class ContentEditingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Administrator_edits_previews_and_publishes_and_the_public_sees_it()
    {
        var marker = $"Browser edit {Guid.NewGuid():N}";
        await SignInAsync(DemoUsers.Administrator);

        await VisitAsync("/admin/pages");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Your four SDS options", Exact = true }).ClickAsync();
        await CheckAccessibilityAsync();
        var text = Page.GetByLabel("Text");
        await text.FillAsync(marker + "\n\n" + await text.InputValueAsync() + "\n\n<script>alert('x')</script>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved as a draft");
        await CheckAccessibilityAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Preview the latest draft" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Preview — not published")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(marker)).ToBeVisibleAsync();
        await CheckAccessibilityAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Publish it" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish it" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Revision history" }).ClickAsync();
        await CheckAccessibilityAsync();
        Assert.True(await Page.Locator("tbody tr").CountAsync() >= 2);
        await Page.Locator("tbody tr").Last.GetByRole(AriaRole.Link).ClickAsync();
        await CheckAccessibilityAsync();

        await using var publicContext = await Fixture.Browser.NewContextAsync(new() { BaseURL = BaseUrl });
        var visitor = await publicContext.NewPageAsync();
        var dialogs = 0;
        visitor.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await visitor.GotoAsync("/pages/your-four-sds-options");
        await Assertions.Expect(visitor.GetByText(marker)).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await visitor.Locator("main script").CountAsync());
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/pages/new")]
    [InlineData("/admin/authorities")]
    [InlineData("/admin/users")]
    [InlineData("/authority/glenmore")]
    [InlineData("/authority/glenmore/admin")]
    [InlineData("/authority/glenmore/policies")]
    [InlineData("/account/manage/change-password")]
    [InlineData("/account/manage/two-factor")]
    public async Task Administrator_pages_pass_axe(string path)
    {
        await SignInAsync(DemoUsers.Administrator);
        await VisitAsync(path);
    }

    [Fact]
    public async Task The_policies_page_names_each_bad_number_and_passes_axe()
    {
        await SignInAsync(DemoUsers.ArdbraeCommissioner);
        await VisitAsync("/authority/ardbrae/policies");
        await Page.GetByLabel("Days a request may wait for its first offer").FillAsync("soon");
        await Page.GetByLabel("Weekly amount a practitioner may authorise alone, in pounds (optional)").FillAsync("lots");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save policies" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("whole number of days");
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("an amount in pounds");
        await Assertions.Expect(Page.GetByLabel("Days a request may wait for its first offer")).ToHaveValueAsync("soon");
        await CheckAccessibilityAsync();
    }

    [Fact]
    public async Task Two_factor_setup_page_passes_axe_for_someone_without_it()
    {
        await SignInAsync("person@people.example");
        await VisitAsync("/account/manage/two-factor");
        await Assertions.Expect(Page.Locator("img.portal-qr")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Enter the 6-digit code from your authenticator app").First).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
    }
}
