using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Verification;

public enum DecisionOutcome { Done, NotFound, Conflict }

public sealed record DecisionResult(DecisionOutcome Outcome, string? Message = null);

/// <summary>
/// A commissioner's or administrator's decision on one passport item: verify or reject it,
/// recompute the provider's verification (and its services' copy), and e-mail the provider — one
/// SaveChanges. The decision is made on the version of the item the person looked at: if someone
/// else decided first, or the provider changed the item meanwhile, nothing is saved.
/// </summary>
public sealed class PassportDecisions(PortalDbContext db, PassportEmails emails, TimeProvider clock)
{
    /// <param name="reason">Null to verify; the reason to reject.</param>
    public async Task<DecisionResult> DecideAsync(Guid itemId, int seenVersion, string by, string? reason, CancellationToken ct)
    {
        var item = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return new DecisionResult(DecisionOutcome.NotFound);
        if (ConflictMessage(item, seenVersion) is { } message) return new DecisionResult(DecisionOutcome.Conflict, message);
        db.Entry(item).Property(i => i.Version).OriginalValue = seenVersion;

        var provider = await db.Providers.SingleAsync(p => p.Id == item.ProviderId, ct);
        var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync(ct);
        var services = await db.Services.Where(s => s.ProviderId == provider.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (reason is null) item.Verify(Limit(by), now);
        else item.Reject(Limit(by), now, reason);
        ProviderVerification.Refresh(provider, items, today, services);
        if (reason is null) await emails.QueueVerifiedAsync(provider, item, provider.IsVerifiedOn(today), ct);
        else await emails.QueueRejectedAsync(provider, item, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.PassportItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
            return new DecisionResult(DecisionOutcome.Conflict, (fresh is null ? null : ConflictMessage(fresh, seenVersion))
                ?? "Someone else changed this provider's passport at the same moment, so your decision was not saved. Check the item again and decide.");
        }
        return new DecisionResult(DecisionOutcome.Done);
    }

    /// <summary>Why a decision made on <paramref name="seenVersion"/> cannot stand, or null if it can.</summary>
    public static string? ConflictMessage(PassportItem item, int seenVersion) => item switch
    {
        { Status: PassportItemStatus.Verified } =>
            $"{item.VerifiedBy} already verified this item on {item.VerifiedAt:d MMMM yyyy 'at' HH:mm}. Your decision was not saved.",
        { Status: PassportItemStatus.Rejected } =>
            $"{item.VerifiedBy} already rejected this item on {item.VerifiedAt:d MMMM yyyy 'at' HH:mm} (\"{item.RejectionReason}\"). Your decision was not saved.",
        { Status: PassportItemStatus.Expired } => "This item has expired, so it can no longer be verified. The provider needs to upload renewed evidence.",
        _ when item.Version != seenVersion =>
            "The provider changed this item after you opened it, so your decision was not saved. Check the evidence again and decide.",
        _ => null,
    };

    private static string Limit(string by) => by.Length <= 256 ? by : by[..256];
}
