using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// The shortlist, "suggest a correction" and the provider's side of both, plus a Personal
/// Assistant's data page — with the keyboard and axe on every page.
/// </summary>
public sealed class ShortlistAndCorrectionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<string> ProfilePathAsync(string providerName)
    {
        await VisitAsync("/directory?q=" + Uri.EscapeDataString(providerName));
        await Page.Locator(".ds_search-result", new() { HasText = providerName }).First.Locator("a.ds_search-result__link").ClickAsync();
        await Page.WaitForLoadStateAsync();
        return new Uri(Page.Url).AbsolutePath;
    }

    [Fact]
    public async Task A_supported_person_shortlists_a_provider_from_its_profile()
    {
        await SignInAsync(DemoUsers.Person);
        await VisitAsync("/directory/shortlist");
        await Assertions.Expect(Page.GetByText("You have not saved any providers yet")).ToBeVisibleAsync();

        var profile = await ProfilePathAsync("Loch View Community Care");
        await VisitAsync(profile);
        await Page.Locator("main form.portal-shortlist button").ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator("main form.portal-shortlist button")).ToContainTextAsync("Remove from shortlist");
        await CheckAccessibilityAsync();

        await VisitAsync("/directory/shortlist");
        await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync("Loch View Community Care");
        await VisitAsync("/directory?q=loch");
        await Assertions.Expect(Page.Locator(".ds_search-result", new() { HasText = "Loch View Community Care" }).First.Locator("form.portal-shortlist button")).ToContainTextAsync("Remove from shortlist");
    }

    [Fact]
    public async Task The_public_suggests_a_correction_and_the_provider_resolves_it()
    {
        var profile = await ProfilePathAsync("Bright Steps Care");
        await VisitAsync(profile);
        await Assertions.Expect(Page.GetByText("Sign in to save to a shortlist")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send correction" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Say what is wrong");
        await CheckAccessibilityAsync();

        var what = $"The website address has changed ({Guid.NewGuid():N})";
        await Page.GetByLabel("What is wrong").FillAsync(what);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send correction" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.GetByText("We have sent your correction to Bright Steps Care")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();

        await SignInAsync(DemoUsers.Provider);
        await VisitAsync("/provider/corrections");
        var correction = Page.Locator(".portal-correction", new() { HasText = what });
        await Assertions.Expect(correction).ToBeVisibleAsync();
        await correction.GetByRole(AriaRole.Button, new() { Name = "Mark resolved" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Say what you did");
        await CheckAccessibilityAsync();

        await Page.Locator(".portal-correction", new() { HasText = what }).GetByLabel("What you did about it").FillAsync("Website updated");
        await Page.Locator(".portal-correction", new() { HasText = what }).GetByRole(AriaRole.Button, new() { Name = "Mark resolved" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.GetByText("Correction marked resolved.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync("Website updated");
        await CheckAccessibilityAsync();
    }

    [Fact]
    public async Task A_personal_assistant_sees_their_data_page_and_must_type_their_name_to_close()
    {
        await SignInAsync("morag.pa@pa.example");
        await VisitAsync("/provider/my-data");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download your data (JSON)" })).ToBeVisibleAsync();
        await Page.GetByLabel("To confirm, type your provider name").FillAsync("Not my name");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close my account" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("does not match Morag Campbell");
        await Assertions.Expect(Page.GetByLabel("To confirm, type your provider name")).ToHaveValueAsync("Not my name");
        await CheckAccessibilityAsync();

        // The page people land on after closing (closing itself is tested against the database in DataRightsTests).
        await VisitAsync("/provider/my-data/closed");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Your account is closed");
    }
}
