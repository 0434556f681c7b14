using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

public abstract class SiteFilesTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task Robots_keeps_crawlers_out_of_private_areas_and_points_at_the_sitemap()
    {
        using var client = NewClient();
        var text = await (await client.GetAsync("/robots.txt")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Disallow: /account/", text);
        Assert.Contains("Disallow: /agreements/", text);
        Assert.Contains("Sitemap:", text);
    }

    [Fact]
    public async Task The_sitemap_lists_public_pages_and_nothing_private()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/pages/your-four-sds-options</loc>", xml);
        Assert.Contains("/directory</loc>", xml);
        Assert.DoesNotContain("/admin", xml);
        Assert.DoesNotContain("/account", xml);
    }

    [Fact]
    public async Task There_is_a_favicon()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        var icon = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_load_balancer_can_ask_whether_a_node_is_live_and_ready(string path)
    {
        using var client = NewClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Healthy", body);
        if (path.EndsWith("ready")) Assert.Contains("\"database\":\"Healthy\"", body);
        else Assert.DoesNotContain("database", body);
    }

    [Fact]
    public async Task Forwarded_https_from_the_proxy_is_believed()
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.Http.SendAsync(request, Ct);
        // Behind nginx terminating TLS, the antiforgery cookie must be Secure.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal_af", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SiteFilesOnSqlite(SqlitePortal portal) : SiteFilesTests(portal);
