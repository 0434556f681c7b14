using System.Net;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 12, item 7: anonymous corrections and change-password attempts meet a rate limit, and an
/// authenticator code works once. A portal of its own: low limits, and a clock nobody else moves.
/// </summary>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["RateLimiting:CorrectionPermitsPerMinute"] = "3",
        ["RateLimiting:SignInPermitsPerMinute"] = "6",
        ["Portal:SeedDemo"] = "false",
        ["Email:DispatcherEnabled"] = "false",
        ["Workflows:TimersEnabled"] = "false",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _portal.InitializeAsync();

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_fourth_anonymous_correction_in_a_minute_is_told_to_wait()
    {
        var provider = new Provider { Name = "Rate Limited Care " + Guid.NewGuid().ToString("N")[..6], Kind = ProviderKind.RegisteredOrganisation, ContactEmail = "care@test.example", CreatedAt = _portal.Clock.GetUtcNow() };
        await _portal.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            await db.SaveChangesAsync(Ct);
        });

        using var client = _portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var profile = await client.GetPageAsync($"/directory/{provider.Id}");
            var response = await client.SubmitAsync(profile, new Dictionary<string, string> { ["WhatIsWrong"] = $"The phone number is wrong ({i})" }, "form[action*='handler=correction']");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>A confirmed user of its own, with two-step verification if asked.</summary>
    internal static async Task<string> NewUserAsync(PortalFactory portal, bool twoStep = false)
    {
        var email = $"limit-{Guid.NewGuid():N}@test.example";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Limit Tester" };
        Assert.True((await users.CreateAsync(user, ProviderTestData.Password)).Succeeded);
        if (twoStep)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return email;
    }

    [Fact]
    public async Task Wrong_current_passwords_meet_the_sign_in_rate_limit()
    {
        var email = await NewUserAsync(_portal);
        using var client = _portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/login");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = ProviderTestData.Password })).StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            var form = await client.GetPageAsync("/account/manage/change-password");
            var response = await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["OldPassword"] = "not my password", ["NewPassword"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase",
            });
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}

/// <summary>Issue 12, item 7: an authenticator code signs in once. A portal of its own, whose clock nobody else moves.</summary>
public sealed class OneUseCodeTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["Portal:SeedDemo"] = "false",
        ["Email:DispatcherEnabled"] = "false",
        ["Workflows:TimersEnabled"] = "false",
    });

    public ValueTask InitializeAsync() => _portal.InitializeAsync();

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task An_authenticator_code_signs_in_once()
    {
        var email = await AbuseLimitTests.NewUserAsync(_portal, twoStep: true);
        string key;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }
        var code = CommissioningPortal.Web.Features.Account.Totp.Compute(key, _portal.Clock.GetUtcNow());

        async Task<HttpResponseMessage> SignInWithAsync(PortalClient client)
        {
            var login = await client.GetPageAsync("/account/login");
            var first = await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = ProviderTestData.Password });
            Assert.StartsWith("/account/login-with-2fa", first.Headers.Location?.OriginalString);
            var codePage = await client.GetPageAsync(first.Headers.Location!.OriginalString);
            return await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = code });
        }

        using var owner = _portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithAsync(owner)).StatusCode);

        using var onlooker = _portal.CreatePortalClient();
        var replayed = await PortalClient.Page.ReadAsync(await SignInWithAsync(onlooker));
        Assert.Contains("That security code is not right", replayed.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await onlooker.GetAsync("/account/manage")).StatusCode);
    }
}
