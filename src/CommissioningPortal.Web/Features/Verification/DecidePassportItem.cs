using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// A commissioner's or administrator's decision on one passport item: verify it (having ticked that
/// the evidence was checked; not once it has expired) or reject it with a reason. The item's own
/// methods change it; the provider's verification (and its services' copy) is recomputed and the
/// provider e-mailed, in one save. The decision is made on the version of the item the person
/// looked at: if someone else decided first, or the provider changed the item meanwhile, nothing is
/// saved and the answer is a conflict saying who.
/// </summary>
public sealed class DecidePassportItem(PortalDbContext db, PassportEmails emails, TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public enum Decision { Verify, Reject }

    public sealed record Input(Guid ItemId, int SeenVersion, Decision Decision, bool Confirm, string? Reason);

    /// <summary>Done: what to tell the person who decided.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var item = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == input.ItemId, ct);
        if (item is null) return UseCaseResult<string>.NotFound();
        // Someone decided while this person was reading: say who, whatever else is wrong with the form.
        if (ConflictMessage(item, input.SeenVersion) is { } already) return UseCaseResult<string>.Conflict(already);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors();
        var reason = input.Reason?.Trim();
        if (input.Decision == Decision.Verify)
        {
            if (!input.Confirm) errors.Add(nameof(Input.Confirm), "Tick the box to confirm you have checked the evidence");
            errors.Check(nameof(Input.Confirm), item.VerifyProblem(today));
        }
        else if (string.IsNullOrEmpty(reason)) errors.Add(nameof(Input.Reason), "Give the reason you cannot accept this item, so the provider can put it right");
        else if (reason.Length > ReasonMaxLength) errors.Add(nameof(Input.Reason), $"The reason must be {ReasonMaxLength:N0} characters or fewer (it has {reason.Length:N0})");
        else errors.Check(nameof(Input.Reason), PlainText.ParagraphsProblem("The reason", reason));
        if (errors.Any) return errors.Invalid<string>();

        db.Entry(item).Property(i => i.Version).OriginalValue = input.SeenVersion;
        var provider = await db.Providers.SingleAsync(p => p.Id == item.ProviderId, ct);
        var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync(ct);
        var services = await db.Services.Where(s => s.ProviderId == provider.Id).ToListAsync(ct);
        var by = Limit(await DeciderAsync(actor, ct));
        if (input.Decision == Decision.Verify) item.Verify(by, now);
        else item.Reject(by, now, reason!);
        ProviderVerification.Refresh(provider, items, today, services);
        if (input.Decision == Decision.Verify) await emails.QueueVerifiedAsync(provider, item, provider.IsVerifiedOn(today), ct);
        else await emails.QueueRejectedAsync(provider, item, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.PassportItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == input.ItemId, ct);
            return UseCaseResult<string>.Conflict((fresh is null ? null : ConflictMessage(fresh, input.SeenVersion))
                ?? "Someone else changed this provider's passport at the same moment, so your decision was not saved. Check the item again and decide.");
        }
        var name = PassportItem.KindDisplayName(item.Kind);
        return UseCaseResult<string>.Done(input.Decision == Decision.Verify
            ? $"Verified: {name} for {provider.Name}. The provider has been e-mailed."
            : $"Rejected: {name} for {provider.Name}. The provider has been e-mailed the reason.");
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

    /// <summary>Who recorded the decision: the person's name and their authority (or "portal administrator").</summary>
    private async Task<string> DeciderAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AuthorityId is { } authorityId &&
            await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.Name).FirstOrDefaultAsync(ct) is { } authority)
        {
            return $"{actor.Name}, {authority}";
        }
        return actor.IsAdministrator ? $"{actor.Name}, portal administrator" : actor.Name;
    }

    private static string Limit(string by) => by.Length <= 256 ? by : by[..256];
}
