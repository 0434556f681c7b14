using Microsoft.Playwright;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Browser steps for the verification queue, for any journey that needs a provider verified (e.g.
/// a Personal Assistant who registers and uploads evidence). The page must be signed in as a
/// commissioner (any authority) or an administrator.
/// </summary>
public static class VerificationSteps
{
    /// <summary>
    /// Verifies every item of <paramref name="providerName"/> waiting in the queue (<c>/verification</c>),
    /// ticking "I have checked the evidence" on each. Runs <paramref name="checkAccessibility"/> (e.g.
    /// BrowserTest.CheckAccessibilityAsync) on every page it opens. Returns how many items it verified.
    /// </summary>
    public static async Task<int> VerifyAllAsync(IPage page, string providerName, Func<Task>? checkAccessibility = null)
    {
        var verified = 0;
        while (true)
        {
            await page.GotoAsync("/verification");
            if (checkAccessibility is not null) await checkAccessibility();
            var row = page.Locator("main tbody tr", new() { HasText = providerName });
            if (await row.CountAsync() == 0) return verified;
            await row.First.GetByRole(AriaRole.Link).ClickAsync();
            await page.WaitForLoadStateAsync();
            if (checkAccessibility is not null) await checkAccessibility();
            await VerifyOpenItemAsync(page);
            verified++;
        }
    }

    /// <summary>On an item page (<c>/verification/{id}</c>): ticks the confirmation and verifies; waits for the queue.</summary>
    public static async Task VerifyOpenItemAsync(IPage page)
    {
        // The design system draws the box over the input: a click on it lands on the label, which ticks it.
        await page.GetByLabel("I have checked the evidence").CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/verification");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Verified:");
    }
}
