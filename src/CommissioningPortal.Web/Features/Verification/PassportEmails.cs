using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// E-mails to a provider about its passport, queued in the outbox (written by the caller's
/// SaveChanges, with the change they report). They go to the provider's contact address and to
/// every user of the provider, once per address.
/// </summary>
public sealed class PassportEmails(PortalDbContext db, IEmailOutbox outbox, PublicLinks links)
{
    private string BaseUrl => links.BaseUrl;

    public async Task<int> QueueVerifiedAsync(Provider provider, PassportItem item, bool providerNowVerified, CancellationToken ct)
    {
        var name = PassportItem.KindDisplayName(item.Kind);
        var then = providerNowVerified
            ? "Every check your kind of provider needs is now in place, so your listing shows as verified in the provider directory."
            : "Your listing shows as verified once every check your kind of provider needs is in place.";
        return await QueueAsync(provider, $"Your {name} has been verified",
            $"We have checked your {name}{NumberText(item)} and accepted it.\n\n{then}\n\nSee your passport: {BaseUrl}/provider/passport",
            "passport-verified", ct);
    }

    public async Task<int> QueueRejectedAsync(Provider provider, PassportItem item, CancellationToken ct)
    {
        var name = PassportItem.KindDisplayName(item.Kind);
        return await QueueAsync(provider, $"Your {name} could not be accepted",
            $"We have checked your {name}{NumberText(item)} and could not accept it, for this reason:\n\n{item.RejectionReason}\n\n" +
            $"Please upload corrected evidence: {BaseUrl}/provider/passport",
            "passport-rejected", ct);
    }

    public async Task<int> QueueExpiryReminderAsync(Provider provider, PassportItem item, CancellationToken ct)
    {
        var name = PassportItem.KindDisplayName(item.Kind);
        var on = item.ExpiresOn!.Value.ToString("d MMMM yyyy");
        return await QueueAsync(provider, $"Your {name} expires on {on}: upload the renewed evidence",
            $"Your {name}{NumberText(item)} expires on {on}. Upload the renewed evidence before then, so that your listing stays verified " +
            $"and councils can keep buying from you.\n\nUpload it here: {BaseUrl}/provider/passport",
            "passport-expiry-reminder", ct);
    }

    public async Task<int> QueueExpiredAsync(Provider provider, PassportItem item, CancellationToken ct)
    {
        var name = PassportItem.KindDisplayName(item.Kind);
        return await QueueAsync(provider, $"Your {name} has expired",
            $"Your {name}{NumberText(item)} expired on {item.ExpiresOn!.Value:d MMMM yyyy}. Until the renewed evidence is uploaded and checked, " +
            $"your listing may not show as verified.\n\nUpload it here: {BaseUrl}/provider/passport",
            "passport-expired", ct);
    }

    private static string NumberText(PassportItem item) => string.IsNullOrWhiteSpace(item.Number) ? "" : $" ({item.Number})";

    private async Task<int> QueueAsync(Provider provider, string subject, string body, string kind, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.ProviderId == provider.Id && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        var recipients = users.Select(u => (Email: u.Email!, Name: (string?)u.DisplayName)).ToList();
        if (provider.ContactEmail is { Length: > 0 } contact) recipients.Add((contact, provider.Name));
        var sent = 0;
        foreach (var (email, name) in recipients.DistinctBy(r => r.Email.Trim().ToLowerInvariant()))
        {
            outbox.Enqueue(new EmailMessage(email, name, subject,
                $"Hello {name ?? provider.Name},\n\n{body}\n\nCommissioning Portal", null, kind));
            sent++;
        }
        return sent;
    }
}
