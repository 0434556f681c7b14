using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

[assembly: AssemblyFixture(typeof(CommissioningPortal.EndToEnd.Infrastructure.BrowserFixture))]

namespace CommissioningPortal.EndToEnd.Infrastructure;

/// <summary>
/// The real portal on Kestrel (SQLite, demo data) and Debian's Chromium driven by Playwright.
/// <c>playwright install</c> cannot download browsers here, so Chromium is launched from
/// <c>PORTAL_TEST_CHROMIUM</c> (set by ./test.sh) or /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "PORTAL_TEST_CHROMIUM";
    public const string ArtifactsVariable = "PORTAL_TEST_ARTIFACTS";

    public PortalFactory Portal { get; } = new(DatabaseKind.Sqlite);
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder =>
        Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "portal-test-artifacts");

    public async ValueTask InitializeAsync()
    {
        Portal.EnsureStarted();
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. Run ./test.sh (it installs Debian's chromium) or set {ChromiumVariable}.");
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-gpu"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
