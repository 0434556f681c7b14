using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

/// <summary>The portal on real Kestrel over HTTPS (a self-signed certificate made here), as an assessor checks it.</summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpsPortal _portal = new();

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private sealed class HttpsPortal() : PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["Email:DispatcherEnabled"] = "false",
        ["Workflows:TimersEnabled"] = "false",
        ["Passport:ExpiryJobEnabled"] = "false",
        ["Portal:Hsts"] = "true",
        // The test host runs as Development, where ASP.NET Core turns static-asset caching off so edits show at
        // once; this puts back the caching production has.
        ["EnableStaticAssetsDevelopmentCaching"] = "true",
    }, SelfSigned());

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task Pages_link_fingerprinted_styles_and_scripts_that_browsers_may_keep_for_a_year()
    {
        using var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/");
        var assets = page.Document.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => u.StartsWith("/_content/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(4, assets.Count);
        foreach (var url in assets)
        {
            // site.css becomes site.<fingerprint>.css: a changed file gets a new URL, so it can be cached for good.
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", url);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{url}: Cache-Control {response.Headers.CacheControl}");
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task A_public_page_over_https_has_hsts_for_a_year_no_server_header_and_is_compressed()
    {
        Assert.Equal("https", _portal.BaseAddress.Scheme);
        using var client = _portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pages/your-four-sds-options");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(response.Headers.Contains("Server"), "no Server header");
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        Assert.False(response.Headers.Contains("Set-Cookie"), "an anonymous visitor gets no cookie (no TempData, no antiforgery) on a page without a form: " + string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task A_personal_data_download_over_https_is_never_stored_and_its_cookies_are_secure()
    {
        using var client = _portal.CreatePortalClient();
        var signIn = await client.SignInAsync(DemoUsers.Person);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (Cookie cookie in client.Cookies.GetAllCookies()) Assert.True(cookie.Secure, $"cookie {cookie.Name} is not Secure over HTTPS");

        var download = await client.GetAsync("/agreements?handler=export");
        Assert.True(download.StatusCode == HttpStatusCode.OK, $"{download.StatusCode} to {download.Headers.Location}");
        Assert.True(download.Headers.CacheControl?.NoStore, "a personal-data download must be no-store");

        var page = await client.GetAsync("/agreements");
        Assert.True(page.Headers.CacheControl?.NoStore, "a signed-in page must be no-store");
    }

    [Fact]
    public async Task Static_assets_are_fingerprinted_and_cached_for_long()
    {
        using var client = _portal.CreatePortalClient();
        var response = await client.GetAsync("/_content/CommissioningPortal.Themes.Saltire/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
    }
}
