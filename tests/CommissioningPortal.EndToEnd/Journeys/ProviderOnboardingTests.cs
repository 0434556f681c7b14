using CommissioningPortal.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>A new Personal Assistant registers from scratch, proves their passport and lists a service; axe on every page.</summary>
public sealed class ProviderOnboardingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ProviderOnboardingJourney Journey => new(Page, Portal, path => VisitAsync(path), CheckAccessibilityAsync);

    [Fact]
    public async Task A_new_personal_assistant_registers_uploads_evidence_and_lists_a_service()
    {
        var pa = await Journey.RegisterPersonalAssistantAsync();

        // The provider home, with what to do next; the passport still waits for a commissioner.
        await VisitAsync("/provider");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(pa.Name);
        await VisitAsync("/provider/passport");
        await Assertions.Expect(Page.GetByText("Not yet verified")).ToBeVisibleAsync();

        // The rest of the provider's pages pass axe too: editing an item and a service, the add forms, colleagues.
        await VisitAsync($"/provider/passport/item/{pa.PvgItemId}");
        await VisitAsync("/provider/passport/item");
        await VisitAsync("/provider/services/edit");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to your services" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = pa.ServiceName }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await VisitAsync("/provider/colleagues");
        await VisitAsync("/provider/join/not-a-real-invitation", expectedStatus: 400);

        // A wrong file is refused with the problem named, in an accessible error state.
        await VisitAsync("/provider/passport/item?kind=Reference");
        await Page.GetByLabel("Details (optional for most items)").FillAsync("Mrs Jean Ross, former employer, 01463 000000");
        await Page.GetByLabel("Evidence file").SetInputFilesAsync(new FilePayload { Name = "reference.pdf", MimeType = "application/pdf", Buffer = "just text"u8.ToArray() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("reference.pdf is not a PDF, JPG or PNG");
        await Assertions.Expect(Page.GetByLabel("Details (optional for most items)")).ToHaveValueAsync("Mrs Jean Ross, former employer, 01463 000000");
        await CheckAccessibilityAsync();
    }

    [Fact]
    public async Task An_organisation_sees_stale_capacity_confirms_it_and_invites_a_colleague()
    {
        await SignInAsync(Tests.Infrastructure.DemoUsers.Provider);
        await VisitAsync("/provider/services");
        // The demo recipe leaves some of Bright Steps' capacity unconfirmed for over 30 days.
        await Assertions.Expect(Page.Locator(".portal-stale-capacity")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm capacity is still right") }).First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.GetByText("confirmed.").First).ToBeVisibleAsync();
        await VisitAsync("/provider/services");

        await VisitAsync("/provider/colleagues");
        await Page.GetByLabel("Colleague's e-mail address").FillAsync("not an address");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
        await Page.GetByLabel("Colleague's e-mail address").FillAsync($"colleague-{Guid.NewGuid():N}@brightsteps.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.GetByText("Invitation sent to")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();

        // A mistyped address: withdraw the invitation so its link stops working.
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Withdraw the invitation to colleague-") }).First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.GetByText("withdrawn: its link no longer works")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Withdrawn" }).First).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
    }
}
