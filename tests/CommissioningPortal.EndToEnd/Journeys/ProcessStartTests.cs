using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>A commissioner starts a process from the UI and takes its first step; axe on each page.</summary>
public sealed class ProcessStartTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_commissioner_starts_an_alliance_and_takes_the_step_the_engine_offers()
    {
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/processes/start");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alliance contract" }).ClickAsync();
        await CheckAccessibilityAsync();

        // Nothing typed: the title is named and the page says so, with nothing started.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("itle");
        await CheckAccessibilityAsync();

        var title = $"Alliance {Guid.NewGuid():N}"[..18];
        await Page.GetByLabel("Title").FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(title);
        await CheckAccessibilityAsync();

        // The engine offers the commissioner the first step; take it.
        var steps = Page.Locator("input[name=Trigger]");
        Assert.True(await steps.CountAsync() > 0, "the engine offered no step to the commissioner who started it");
        await Page.Locator("label[for^='Trigger-']").First.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the step" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".portal-status")).ToContainTextAsync("Done");
        await CheckAccessibilityAsync();
    }
}
