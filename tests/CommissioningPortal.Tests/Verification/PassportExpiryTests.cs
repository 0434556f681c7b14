using System.Net;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Verification;

/// <summary>
/// The daily expiry job on a fake clock: a verified Personal Assistant's insurance expires on day D.
/// At D-30 they get one reminder, however often the job runs; at D-1 they are still "Verified"; on
/// D the item is expired and the badge, the search result's "Verified" and the Open Referral feed
/// all drop them. Its own portal, since it moves the clock.
/// </summary>
public abstract class PassportExpiryTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kind == DatabaseKind.PostgreSql && !PortalFactory.PostgresAvailable ? DatabaseKind.Sqlite : kind);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (kind == DatabaseKind.PostgreSql && !PortalFactory.PostgresAvailable)
        {
            Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
        }
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime);

    private void MoveTo(DateOnly day) => _portal.Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));

    private Task<PassportExpiryJob.RunResult> RunJobAsync() => _portal.Services.GetRequiredService<PassportExpiryJob>().RunOnceAsync(Ct);

    private Task<List<(string Subject, string Body)>> MailAsync(string to, string kind) => _portal.WithDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == to && m.Kind == kind).Select(m => new { m.Subject, m.TextBody }).ToListAsync(Ct))
        .Select(m => (m.Subject, m.TextBody)).ToList());

    private async Task<(bool ProfileBadge, string SearchChecks, bool InFeed)> WhatThePublicSeesAsync(TestPa pa)
    {
        using var client = _portal.CreatePortalClient();
        var profile = await client.GetPageAsync($"/directory/{pa.ProviderId}");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        var badge = profile.Document.QuerySelectorAll("main .ds_tag").Any(t => t.TextContent.Trim() == "Verified");
        var search = await client.GetPageAsync($"/directory?q={pa.ServiceWord}");
        var result = Assert.Single(search.Document.QuerySelectorAll(".ds_search-result"));
        var checks = result.QuerySelectorAll(".ds_metadata__item").Single(i => i.TextContent.Contains("Checks"))
            .QuerySelector(".ds_metadata__value")!.TextContent.Trim();
        var feed = await client.Http.GetStringAsync("/api/openreferral/services?per_page=100", Ct);
        var one = await client.GetAsync($"/api/openreferral/services/{pa.ServiceId}");
        Assert.Equal(feed.Contains(pa.ServiceId!.Value.ToString()), one.StatusCode == HttpStatusCode.OK);
        return (badge, checks, one.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reminded_once_thirty_days_before_verified_the_day_before_and_dropped_everywhere_on_the_day()
    {
        var d = Today.AddDays(45);
        var pa = await PassportTestData.NewPersonalAssistantAsync(_portal, verified: true, insuranceExpiresOn: d, withService: true);
        Assert.Equal((true, "Verified", true), await WhatThePublicSeesAsync(pa));

        // D-31: nothing yet.
        MoveTo(d.AddDays(-31));
        await RunJobAsync();
        Assert.Empty(await MailAsync(pa.Email, "passport-expiry-reminder"));

        // D-30: one reminder, however many times the job runs (and on however many instances).
        MoveTo(d.AddDays(-30));
        await RunJobAsync();
        await RunJobAsync();
        await Task.WhenAll(RunJobAsync(), RunJobAsync());
        var reminder = Assert.Single(await MailAsync(pa.Email, "passport-expiry-reminder"));
        Assert.Equal($"Your Public liability insurance expires on {d:d MMMM yyyy}: upload the renewed evidence", reminder.Subject);
        Assert.Contains("Upload the renewed evidence", reminder.Body);
        var sentOn = await _portal.WithDbAsync(db => db.PassportItems.Where(i => i.Id == pa.Insurance).Select(i => i.ReminderSentOn).SingleAsync(Ct));
        Assert.Equal(d.AddDays(-30), sentOn);

        // D-1: still verified everywhere, still one reminder.
        MoveTo(d.AddDays(-1));
        Assert.Equal(new PassportExpiryJob.RunResult(0, 0), await RunJobAsync());
        Assert.Equal((true, "Verified", true), await WhatThePublicSeesAsync(pa));
        Assert.Single(await MailAsync(pa.Email, "passport-expiry-reminder"));

        // D: the job marks it expired, and the badge, the search result and the feed drop the provider.
        MoveTo(d);
        Assert.Equal(new PassportExpiryJob.RunResult(0, 1), await RunJobAsync());
        Assert.Equal(new PassportExpiryJob.RunResult(0, 0), await RunJobAsync());
        Assert.Equal((false, "Not yet verified", false), await WhatThePublicSeesAsync(pa));
        var (status, through, serviceThrough) = await _portal.WithDbAsync(async db => (
            await db.PassportItems.Where(i => i.Id == pa.Insurance).Select(i => i.Status).SingleAsync(Ct),
            await db.Providers.Where(p => p.Id == pa.ProviderId).Select(p => p.VerifiedThrough).SingleAsync(Ct),
            await db.Services.Where(s => s.Id == pa.ServiceId).Select(s => s.ProviderVerifiedThrough).SingleAsync(Ct)));
        Assert.Equal(PassportItemStatus.Expired, status);
        Assert.Null(through);
        Assert.Null(serviceThrough);
        using var client = _portal.CreatePortalClient();
        var profile = await client.GetPageAsync($"/directory/{pa.ProviderId}");
        Assert.Contains("Expired", profile.Text);
        Assert.Single(await MailAsync(pa.Email, "passport-expired"));
        Assert.Single(await MailAsync(pa.Email, "passport-expiry-reminder"));
    }

    [Fact]
    public async Task A_missed_reminder_goes_on_the_next_run_and_a_renewal_gets_its_own_reminder()
    {
        var d = Today.AddDays(60);
        var pa = await PassportTestData.NewPersonalAssistantAsync(_portal, verified: true, insuranceExpiresOn: d);
        MoveTo(d.AddDays(-20)); // the job did not run for ten days
        await RunJobAsync();
        Assert.Single(await MailAsync(pa.Email, "passport-expiry-reminder"));

        // The provider renews (as the passport page does: which sends it back to be checked): the
        // same item now lapses a year later, so its reminder is due again then.
        var renewed = d.AddDays(365);
        await _portal.WithDbAsync(async db =>
        {
            var item = await db.PassportItems.SingleAsync(i => i.Id == pa.Insurance, Ct);
            item.Amend(item.Number, item.Details, renewed, null, null);
            await db.SaveChangesAsync(Ct);
        });
        await RunJobAsync();
        Assert.Single(await MailAsync(pa.Email, "passport-expiry-reminder"));
        MoveTo(renewed.AddDays(-30));
        await RunJobAsync();
        Assert.Equal(2, (await MailAsync(pa.Email, "passport-expiry-reminder")).Count);
    }
}

public sealed class PassportExpiryOnSqlite() : PassportExpiryTests(DatabaseKind.Sqlite);

public sealed class PassportExpiryOnPostgres() : PassportExpiryTests(DatabaseKind.PostgreSql);
