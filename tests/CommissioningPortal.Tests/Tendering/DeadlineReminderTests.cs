using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CommissioningPortal.Tests.Tendering;

/// <summary>
/// Issue 15 part 2: providers with an unsubmitted draft get an e-mail 7 days and 1 day before the deadline, each once, even
/// when two app instances look at the same moment. A portal of its own, so the fake clock can move.
/// </summary>
public abstract class DeadlineReminderTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task<int> RemindAsync() => Task.Run(async () =>
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendDeadlineReminders>().HandleAsync(Portal.Clock.GetUtcNow(), Ct);
    });

    private Task<Guid> ResponseAsync(Guid opportunityId, Guid providerId, DateTimeOffset deadline, bool submit = false, bool withdraw = false) => Portal.WithDbAsync(async db =>
    {
        var now = Portal.Clock.GetUtcNow();
        var response = TenderResponse.Start(opportunityId, providerId, false, now, deadline);
        if (submit || withdraw) response.Submit(now, deadline, false, new string('0', 64));
        if (withdraw) response.Withdraw(now, deadline);
        db.TenderResponses.Add(response);
        await db.SaveChangesAsync();
        return response.Id;
    });

    private Task<List<(string Subject, string Body)>> RemindersAsync(string email) => Portal.MailAsync(email, SendDeadlineReminders.Kind);

    [Fact]
    public async Task A_draft_is_reminded_a_week_and_a_day_before_the_deadline_once_each_even_by_two_instances_at_once()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var deadline = await Portal.WithDbAsync(db => db.Opportunities.Where(o => o.Id == tender.OpportunityId).Select(o => o.SubmissionDeadline!.Value).SingleAsync());
        var (draftEmail, draftProvider) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Drafting {word}");
        var (submittedEmail, submittedProvider) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Submitted {word}");
        var (withdrawnEmail, withdrawnProvider) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Withdrawn {word}");
        var (lateEmail, lateProvider) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Late starter {word}");
        await ResponseAsync(tender.OpportunityId, draftProvider, deadline);
        await ResponseAsync(tender.OpportunityId, submittedProvider, deadline, submit: true);
        await ResponseAsync(tender.OpportunityId, withdrawnProvider, deadline, withdraw: true);

        // Twenty days to go: nothing yet.
        await RemindAsync();
        Assert.Empty(await RemindersAsync(draftEmail));

        // A minute past the week mark, two instances look at once: one e-mail each to the draft and the withdrawn response.
        Portal.Clock.SetUtcNow(deadline - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(RemindAsync(), RemindAsync());
        var week = Assert.Single(await RemindersAsync(draftEmail));
        Assert.Contains($"Tender {word}", week.Subject);
        Assert.Contains("closes in 7 days", week.Body);
        Assert.Contains("has not been submitted", week.Body);
        Assert.Contains($"/tenders/{tender.OpportunityId}/respond", week.Body);
        Assert.Single(await RemindersAsync(withdrawnEmail));
        Assert.Empty(await RemindersAsync(submittedEmail));
        await RemindAsync();
        Assert.Single(await RemindersAsync(draftEmail));

        // A provider who starts three days before the deadline is not told "a week to go".
        Portal.Clock.SetUtcNow(deadline - TimeSpan.FromDays(3));
        await ResponseAsync(tender.OpportunityId, lateProvider, deadline);
        await RemindAsync();
        Assert.Empty(await RemindersAsync(lateEmail));
        Assert.Single(await RemindersAsync(draftEmail));

        // The day mark: everyone still drafting, once, however often the service looks.
        Portal.Clock.SetUtcNow(deadline - TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(RemindAsync(), RemindAsync());
        await RemindAsync();
        var mails = await RemindersAsync(draftEmail);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Body.Contains("closes in 23 hours", StringComparison.Ordinal));
        Assert.Single(await RemindersAsync(lateEmail));
        Assert.Equal(2, (await RemindersAsync(withdrawnEmail)).Count);
        Assert.Empty(await RemindersAsync(submittedEmail));
        var stamps = await Portal.WithDbAsync(db => db.TenderResponses.AsNoTracking().SingleAsync(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == draftProvider));
        Assert.NotNull(stamps.RemindedWeekBeforeAt);
        Assert.NotNull(stamps.RemindedDayBeforeAt);

        // After the deadline: nothing more.
        Portal.Clock.SetUtcNow(deadline + TimeSpan.FromMinutes(1));
        await RemindAsync();
        Assert.Equal(2, (await RemindersAsync(draftEmail)).Count);
    }

    [Fact]
    public void The_reminders_run_as_a_background_service_unless_switched_off()
    {
        Portal.EnsureStarted();
        Assert.Contains(Portal.Services.GetServices<IHostedService>(), s => s is CommissioningPortal.Web.Infrastructure.ScheduledWorkService<SendDeadlineReminders>);
        Assert.Equal("false", PortalFactory.QuietBackground[TenderingFeature.RemindersEnabledKey]);
    }
}

public sealed class ReminderSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class ReminderPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class DeadlineRemindersOnSqlite(ReminderSqlitePortal p) : DeadlineReminderTests(p), IClassFixture<ReminderSqlitePortal>;

public sealed class DeadlineRemindersOnPostgres : DeadlineReminderTests, IClassFixture<ReminderPostgresPortal>
{
    public DeadlineRemindersOnPostgres(ReminderPostgresPortal p) : base(p)
    {
        if (!PortalFactory.PostgresAvailable) Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }
}
