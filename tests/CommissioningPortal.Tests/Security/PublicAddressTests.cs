using System.Net;
using System.Text.RegularExpressions;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 12, item 1: links in e-mails come from configuration only, never from the Host header a
/// request arrived with; outside Development the portal needs <c>Portal:PublicBaseUrl</c> to start,
/// and only answers requests addressed to that host.
/// </summary>
public sealed class PublicAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Quiet(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Portal:SeedDemo"] = "false", ["Email:DispatcherEnabled"] = "false", ["Workflows:TimersEnabled"] = "false" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task A_reset_link_never_takes_the_host_the_request_named()
    {
        // No public address configured (the default before this fix): the request's Host was used.
        await using var portal = new PortalFactory(DatabaseKind.Sqlite, Quiet(("Portal:PublicBaseUrl", "")));
        portal.EnsureStarted();
        var email = $"victim-{Guid.NewGuid():N}@test.example";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Victim" }, ProviderTestData.Password)).Succeeded);
        }

        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/account/forgot-password");
        var token = page.Document.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        var response = await client.Http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");

        var message = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email && m.Kind == "password-reset", Ct));
        var link = Regex.Match(message.TextBody, @"\S+/account/reset-password\S+").Value;
        Assert.StartsWith("http", link);
        Assert.DoesNotContain("evil.example", message.TextBody);
    }

    /// <summary>The portal as deployed: the Production environment.</summary>
    private sealed class ProductionPortal(IDictionary<string, string?> settings) : PortalFactory(DatabaseKind.Sqlite, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Outside_development_the_portal_refuses_to_start_without_a_public_base_url_and_names_the_setting()
    {
        await using var portal = new ProductionPortal(Quiet(("Portal:PublicBaseUrl", "")));
        var refused = Assert.ThrowsAny<Exception>(portal.EnsureStarted);
        Assert.Contains("Portal:PublicBaseUrl", refused.ToString());
    }

    [Fact]
    public async Task Outside_development_only_requests_for_the_public_host_are_answered()
    {
        await using var portal = new ProductionPortal(Quiet(("Portal:PublicBaseUrl", "https://sds.example.gov.scot")));
        using var client = portal.CreatePortalClient();

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.SendAsync(forged, Ct)).StatusCode);

        using var proper = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        proper.Headers.Host = "sds.example.gov.scot";
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(proper, Ct)).StatusCode);
    }
}
