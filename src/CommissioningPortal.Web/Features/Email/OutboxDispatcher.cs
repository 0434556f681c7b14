using CommissioningPortal.Data.Outbox;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.Email;

/// <summary>
/// Sends what the outbox holds. Each round claims due messages one by one with a conditional
/// UPDATE (a lease), so two app instances on one database never both send one message; sends;
/// then marks it sent. A failure is retried with exponential back-off until
/// <see cref="EmailOptions.MaxAttempts"/>, then marked failed for a person to look at. If the
/// process stops mid-send the lease runs out and the message is picked up again; the transports
/// are idempotent by message id, so it still arrives once.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEmailTransport transport, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Who holds a lease: unique per dispatcher, so a restarted process is a new holder.</summary>
    public string Id { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    private const int BatchSize = 50;

    /// <summary>One round: sends every message due now. Returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await DueIdsAsync(ct);
            if (batch.Count == 0) break;
            var claimedAny = false;
            foreach (var id in batch)
            {
                ct.ThrowIfCancellationRequested();
                var message = await ClaimAsync(id, ct);
                if (message is null) continue; // another dispatcher has it
                claimedAny = true;
                if (await SendClaimedAsync(message, ct)) sent++;
            }
            if (!claimedAny || batch.Count < BatchSize) break;
        }
        return sent;
    }

    private async Task<List<Guid>> DueIdsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && !m.Failed && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
    }

    /// <summary>Takes the lease on a message if nobody holds it; null when someone else won.</summary>
    private async Task<OutboxMessage?> ClaimAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && !m.Failed && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, Id)
                .SetProperty(m => m.LockedUntil, leaseEnd)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return claimed == 1 ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct) : null;
    }

    private async Task<bool> SendClaimedAsync(OutboxMessage message, CancellationToken ct)
    {
        SendResult result;
        try
        {
            result = await transport.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = new SendResult(SendOutcome.Retry, e.Message);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == Id);
        if (result.Outcome == SendOutcome.Sent)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            logger.LogInformation("Sent e-mail {MessageId} ({Kind}) on attempt {Attempt}", message.Id, message.Kind, message.Attempts);
            return true;
        }

        var giveUp = result.Outcome == SendOutcome.PermanentFailure || message.Attempts >= options.Value.MaxAttempts;
        var next = now + Backoff(message.Attempts);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, result.Error)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.Failed, giveUp), CancellationToken.None);
        if (giveUp)
        {
            logger.LogError("E-mail {MessageId} ({Kind}) failed for good after {Attempts} attempts: {Error}", message.Id, message.Kind, message.Attempts, result.Error);
        }
        else
        {
            logger.LogWarning("E-mail {MessageId} ({Kind}) attempt {Attempt} failed, retrying at {Next}: {Error}", message.Id, message.Kind, message.Attempts, next, result.Error);
        }
        return false;
    }

    /// <summary>30 s, 1 min, 2 min, 4 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>Runs dispatcher rounds in the background.</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<EmailOptions> options, ILogger<OutboxDispatcherService> logger)
    : PollingService(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));

    protected override Task RoundAsync(CancellationToken ct) => dispatcher.DispatchDueAsync(ct);
}
