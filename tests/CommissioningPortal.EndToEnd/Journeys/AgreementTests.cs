using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>Issue 5: a practitioner offers an ISF agreement, the three parties accept in turn, the signed PDF verifies and a changed byte does not.</summary>
public sealed class AgreementTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task AcceptAsync(string agreementUrl, string button, int version = 1)
    {
        // Acceptance binds to the PDF the party opened: open it (the link opens it in a new tab) first.
        Assert.True((await Context.APIRequest.GetAsync($"{agreementUrl}/v{version}/offered")).Ok);
        await VisitAsync(agreementUrl);
        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Tick the box"); // nothing ticked: refused, named
        await CheckAccessibilityAsync();
        await Page.Locator("label[for=Confirm]").ClickAsync();
        await Assertions.Expect(Page.Locator("#Confirm")).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Three_parties_accept_in_turn_and_the_signed_agreement_verifies()
    {
        var person = $"Jamie Reid {Guid.NewGuid().ToString()[..4]}";
        await SignInAsync(DemoUsers.GlenmorePractitioner);
        await VisitAsync("/agreements");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start an agreement" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.Locator("#PersonName").FillAsync(person);
        await Page.Locator("#PersonEmail").FillAsync(DemoUsers.Person);
        await Page.Locator("#ProviderId").SelectOptionAsync((await Page.Locator("#ProviderId option", new() { HasTextString = "Bright Steps Care" }).GetAttributeAsync("value"))!);
        await Page.Locator("#Terms_WeeklyBudget").FillAsync("312.50");
        await Page.Locator("#Terms_BudgetHolder").FillAsync("Bright Steps Care, on Jamie's behalf");
        await Page.Locator("#Terms_StartDate").FillAsync("2026-12-07");
        await Page.Locator("#Terms_ReviewDate").FillAsync("2027-06-07");
        await Page.Locator("#Terms_Outcomes").FillAsync("Go swimming every week\nSee my friends at the weekend");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Offer the agreement" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("offered");
        await CheckAccessibilityAsync();
        var agreementUrl = new Uri(Page.Url).AbsolutePath;

        await SwitchToAsync(DemoUsers.Person);
        await VisitAsync("/agreements");
        await Page.GetByRole(AriaRole.Row, new() { Name = person }).GetByRole(AriaRole.Link).ClickAsync();
        await AcceptAsync(agreementUrl, "Accept the agreement");

        await SwitchToAsync(DemoUsers.Provider);
        await AcceptAsync(agreementUrl, "Accept the agreement");

        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await AcceptAsync(agreementUrl, "Authorise the agreement");
        await Assertions.Expect(Page.Locator("#agreement-stage")).ToContainTextAsync("Active");
        var signed = await (await Context.APIRequest.GetAsync(agreementUrl + "/v1/final")).BodyAsync();
        await VisitAsync(agreementUrl + "/ledger");
        await Assertions.Expect(Page.Locator("#ledger-balance")).ToBeVisibleAsync();

        await Context.ClearCookiesAsync();
        await VisitAsync("/verify");
        await Page.Locator("#Document").SetInputFilesAsync(new FilePayload { Name = "agreement.pdf", MimeType = "application/pdf", Buffer = signed });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#verify-result")).ToHaveTextAsync("Genuine");
        await CheckAccessibilityAsync();

        signed[signed.Length / 3] ^= 0x20;
        await Page.Locator("#Document").SetInputFilesAsync(new FilePayload { Name = "agreement.pdf", MimeType = "application/pdf", Buffer = signed });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#verify-result")).ToHaveTextAsync("Not recognised");
        await CheckAccessibilityAsync();

        // The practitioner can vary it from here on.
        await SwitchToAsync(DemoUsers.GlenmorePractitioner);
        await VisitAsync(agreementUrl + "/vary");
    }

    [Fact]
    public async Task An_authority_admin_edits_a_draft_template_with_a_live_preview_and_publishes_it_read_only()
    {
        // Ardbrae: the journeys above use Glenmore's template, which this must not change.
        await SignInAsync(DemoUsers.ArdbraeCommissioner);
        await VisitAsync("/authority/ardbrae/templates");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Start a new draft|Continue the draft)$") }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Markdown")).ToContainTextAsync("Your support agreement: the short version");
        var editorUrl = new Uri(Page.Url).AbsolutePath;

        // The live preview shows the sample agreement beside the editor.
        await Assertions.Expect(Page.Locator("#template-preview-body h1").First).ToContainTextAsync("Your support agreement");
        await Assertions.Expect(Page.Locator("#template-preview-status")).ToContainTextAsync("Preview updated");
        await CheckAccessibilityAsync();

        // A misspelt field: the preview says so with the line; saving is refused with the line and the text kept.
        var source = Page.Locator("#Markdown");
        var original = await source.InputValueAsync();
        var typed = "Dear {{ person.nmae }},\n" + original;
        await source.FillAsync(typed);
        await Assertions.Expect(Page.Locator("#template-preview-status")).ToContainTextAsync("Line 1: unknown field person.nmae");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Line 1: unknown field person.nmae — did you mean person.name?");
        Assert.Equal(typed, (await Page.Locator("#Markdown").InputValueAsync()).ReplaceLineEndings("\n"));
        await CheckAccessibilityAsync();

        // Put it right, save, and publish.
        await Page.Locator("#Markdown").FillAsync(original);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Draft saved");
        await VisitAsync(editorUrl);
        await Page.Locator("label[for=ConfirmPublish]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publish version") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("published");
        await CheckAccessibilityAsync();

        // The published version is read-only.
        await VisitAsync(editorUrl);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("(published)");
        Assert.Equal(0, await Page.Locator("textarea").CountAsync());
    }
}
