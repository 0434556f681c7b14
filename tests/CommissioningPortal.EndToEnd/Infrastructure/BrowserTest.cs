using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.EndToEnd.Infrastructure;

/// <summary>
/// Base for browser tests: a fresh browser context per test, axe on every page a test visits
/// (<see cref="VisitAsync"/> / <see cref="CheckAccessibilityAsync"/>), and a full-page screenshot
/// saved to the artifacts folder when a test fails.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    /// <summary>The portal under test: the shared one, unless a test needs its own (e.g. to move the clock).</summary>
    protected virtual PortalFactory Portal => Fixture.Portal;

    /// <summary>Where the browser goes: the portal under test, or a test's own address (the cluster rig's nginx).</summary>
    protected virtual string BaseUrl => Portal.BaseAddress.ToString().TrimEnd('/');

    public async ValueTask InitializeAsync()
    {
        Context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        // A hang detector, not a speed check: on two shared cores with several portals and browsers running, a
        // sign-in and its home page took over 15 s once in a full run (the page was complete in the screenshot).
        Context.SetDefaultTimeout(30_000);
        Page = await Context.NewPageAsync();
        Page.PageError += (_, error) => { lock (_scriptErrors) _scriptErrors.Add($"{Page.Url}: {error}"); };
    }

    private readonly List<string> _scriptErrors = [];

    public virtual async ValueTask DisposeAsync()
    {
        var context = TestContext.Current;
        if (context.TestState?.Result is TestResult.Failed && Page is not null)
        {
            var folder = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots");
            Directory.CreateDirectory(folder);
            var name = string.Concat((context.Test?.TestDisplayName ?? "test").Select(c => char.IsLetterOrDigit(c) ? c : '_'));
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name[..Math.Min(name.Length, 150)] + ".png"), FullPage = true });
            }
            catch (PlaywrightException) { /* the page may be gone */ }
        }
        if (Context is not null) await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Goes to a path, checks the status, and runs axe on the page.</summary>
    protected async Task<IResponse?> VisitAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(expectedStatus, response.Status);
        await CheckAccessibilityAsync();
        return response;
    }

    /// <summary>Runs axe (WCAG 2.0–2.2 A and AA rules) on the current page; fails on any violation.</summary>
    protected async Task CheckAccessibilityAsync()
    {
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}").ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {Page.Url}:\n{string.Join("\n", violations)}");
        // A script error breaks the enhancements people rely on (menus, file uploads): fail on any.
        lock (_scriptErrors) Assert.True(_scriptErrors.Count == 0, $"script error(s):\n{string.Join("\n", _scriptErrors)}");
    }

    /// <summary>
    /// Ticks a Design System checkbox the way a person does, by its label (the styled label covers
    /// the real input, so Playwright's CheckAsync on the input never gets the click).
    /// </summary>
    protected async Task TickAsync(string label)
    {
        await Page.Locator("label", new() { HasTextString = label }).First.ClickAsync();
        await Assertions.Expect(Page.GetByLabel(label)).ToBeCheckedAsync();
    }

    /// <summary>Signs in through the real form, answering the two-step code when asked.</summary>
    /// <summary>Signs out whoever is signed in (their cookies go) and signs <paramref name="email"/> in.</summary>
    protected async Task SwitchToAsync(string email)
    {
        await Context.ClearCookiesAsync();
        await SignInAsync(email);
    }

    protected async Task SignInAsync(string email, string password = DemoUsers.Password)
    {
        await VisitAsync("/account/login");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        if (Page.Url.Contains("/account/login-with-2fa", StringComparison.OrdinalIgnoreCase))
        {
            await CheckAccessibilityAsync();
            await TwoStepCodes.WithCodeAsync(Portal, email, DemoUsers.AuthenticatorKey, async code =>
            {
                await Page.Locator("#Code").FillAsync(code);
                await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Sign in|Continue|Verify)") }).ClickAsync();
                await Page.WaitForLoadStateAsync();
                return true;
            });
        }
    }
}

