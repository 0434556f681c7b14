using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// The daily passport expiry job. Thirty days before an item expires (or on the first run after,
/// if a run was missed) the provider is e-mailed a reminder, once per expiry date; on the day it
/// expires the item is marked expired and the provider's verification recomputed, so the
/// "verified" badge, the "verified only" filter and the Open Referral feed drop it.
/// <para>
/// Each item is changed in its own SaveChanges with its e-mail, guarded by the item's version (and
/// the provider's): with two app instances on one database, the second to save finds the row
/// changed, re-reads it, sees nothing left to do and moves on — so every e-mail goes once.
/// Running it again the same day does nothing.
/// </para>
/// </summary>
public sealed class PassportExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PassportExpiryJob> logger)
{
    private const int Attempts = 3;

    public sealed record RunResult(int RemindersSent, int ItemsExpired);

    /// <summary>One run for today on the portal's clock.</summary>
    public Task<RunResult> RunOnceAsync(CancellationToken ct = default) =>
        RunOnceAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>One run as of <paramref name="today"/>: expires what is due, then sends the reminders that are due.</summary>
    public async Task<RunResult> RunOnceAsync(DateOnly today, CancellationToken ct = default)
    {
        var horizon = today.AddDays(PassportItem.ReminderDays);
        List<PassportItem> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // One seek on (Status, ExpiresOn): only items that lapse within the reminder window.
            candidates = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PassportItems.AsNoTracking()
                .Where(i => (i.Status == PassportItemStatus.Verified || i.Status == PassportItemStatus.Unverified) &&
                            i.ExpiresOn != null && i.ExpiresOn <= horizon)
                .ToListAsync(ct);
        }
        var expired = 0;
        foreach (var candidate in candidates.Where(i => i.IsDueToExpireOn(today)))
        {
            if (await WithRetryAsync(candidate.Id, today, ExpireAsync, ct)) expired++;
        }
        var reminded = 0;
        foreach (var candidate in candidates.Where(i => i.IsReminderDueOn(today)))
        {
            if (await WithRetryAsync(candidate.Id, today, RemindAsync, ct)) reminded++;
        }
        if (expired + reminded > 0) logger.LogInformation("Passport expiry: {Reminders} reminders sent, {Expired} items expired", reminded, expired);
        return new RunResult(reminded, expired);
    }

    private async Task<bool> WithRetryAsync(Guid id, DateOnly today, Func<PortalDbContext, IServiceProvider, Guid, DateOnly, CancellationToken, Task<bool>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider, id, today, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another instance, a commissioner or the provider changed it meanwhile: read it again.
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Passport item {ItemId} kept changing; the next run will try again", id);
                return false;
            }
        }
    }

    private static async Task<bool> ExpireAsync(PortalDbContext db, IServiceProvider services, Guid id, DateOnly today, CancellationToken ct)
    {
        var item = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !item.IsDueToExpireOn(today)) return false; // done by someone else already
        var wasVerified = item.Status == PassportItemStatus.Verified;
        var provider = await db.Providers.SingleAsync(p => p.Id == item.ProviderId, ct);
        var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync(ct);
        var providerServices = await db.Services.Where(s => s.ProviderId == provider.Id).ToListAsync(ct);
        item.Expire(today);
        ProviderVerification.Refresh(provider, items, today, providerServices);
        // Touch the provider so its version guards the refresh against a decision made at the same time.
        db.Entry(provider).State = EntityState.Modified;
        if (wasVerified) await services.GetRequiredService<PassportEmails>().QueueExpiredAsync(provider, item, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<bool> RemindAsync(PortalDbContext db, IServiceProvider services, Guid id, DateOnly today, CancellationToken ct)
    {
        var item = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !item.IsReminderDueOn(today)) return false; // sent by someone else already
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == item.ProviderId, ct);
        item.RecordReminderSent(today);
        await services.GetRequiredService<PassportEmails>().QueueExpiryReminderAsync(provider, item, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>Runs the <see cref="PassportExpiryJob"/> at start and then daily, just after midnight (UTC) on the portal's clock.</summary>
internal sealed class PassportExpiryService(PassportExpiryJob job, IConfiguration configuration, TimeProvider clock, ILogger<PassportExpiryService> logger)
    : PollingService(logger)
{
    protected override TimeSpan Interval
    {
        get
        {
            if (configuration.GetValue<double?>("Passport:ExpiryJobIntervalHours") is { } hours) return TimeSpan.FromHours(Math.Max(0.01, hours));
            var now = clock.GetUtcNow();
            var nextMidnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return nextMidnight - now + TimeSpan.FromMinutes(5);
        }
    }

    protected override async Task RoundAsync(CancellationToken ct) => await job.RunOnceAsync(ct);
}
