using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 12, item 2: a session ends when its owner signs out, changes the password or turns two-step
/// verification on — every copy of the cookie, not only the browser that asked. Each test has a user
/// of its own: ending a demo user's sessions would sign out other tests.
/// </summary>
public abstract class SessionTests(PortalFactory portal) : PortalTestBase(portal)
{
    private async Task<(PortalClient Client, string Email)> SignedInNewUserAsync()
    {
        var (email, _) = await Portal.CreateProviderUserAsync();
        return (await Portal.SignedInProviderAsync(email), email);
    }

    /// <summary>A second browser holding a copy of the first one's cookies, as an attacker replaying them would.</summary>
    private PortalClient Copy(PortalClient from)
    {
        var copy = NewClient();
        foreach (Cookie cookie in from.Cookies.GetCookies(Portal.BaseAddress)) copy.Cookies.Add(Portal.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        return copy;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_signing_out_a_replayed_cookie_gets_the_sign_in_page()
    {
        var (client, _) = await SignedInNewUserAsync();
        using var replay = Copy(client);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/account/manage")).StatusCode);

        var page = await client.GetPageAsync("/account/manage");
        var signedOut = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[action='/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSentToSignIn(await replay.GetAsync("/account/manage"));
        client.Dispose();
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session_and_keeps_this_one()
    {
        var (first, email) = await SignedInNewUserAsync();
        using var second = await Portal.SignedInProviderAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account/manage")).StatusCode);

        var form = await first.GetPageAsync("/account/manage/change-password");
        var changed = await first.SubmitAsync(form, new Dictionary<string, string>
        {
            ["OldPassword"] = ProviderTestData.Password, ["NewPassword"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/manage")).StatusCode);
        AssertSentToSignIn(await second.GetAsync("/account/manage"));
        first.Dispose();
    }

    [Fact]
    public async Task Turning_on_two_step_verification_signs_out_every_other_session()
    {
        var (first, email) = await SignedInNewUserAsync();
        using var second = await Portal.SignedInProviderAsync(email);

        var setup = await first.GetPageAsync("/account/manage/two-factor");
        var key = setup.Document.QuerySelector(".portal-code")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var enabled = await PortalClient.Page.ReadAsync(await first.SubmitAsync(setup,
            new Dictionary<string, string> { ["Code"] = CommissioningPortal.Web.Features.Account.Totp.Compute(key, Portal.Clock.GetUtcNow()) },
            "form[action='/account/manage/two-factor/enable']"));
        Assert.Contains("Save your recovery codes", enabled.Text);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/manage")).StatusCode);
        AssertSentToSignIn(await second.GetAsync("/account/manage"));
        first.Dispose();
    }
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class SessionsOnSqlite(SqlitePortal portal) : SessionTests(portal);

public sealed class SessionsOnPostgres(PostgresPortal portal) : SessionTests(portal);
