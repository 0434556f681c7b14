using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>One passport item as a practitioner sees it in the directory: what it is, its status, its expiry.</summary>
public sealed record PassportSummary(PassportItemKind Kind, PassportItemStatus Status, bool Valid, DateOnly? ExpiresOn, DateTimeOffset? VerifiedAt)
{
    public string Text => $"{PassportItem.KindDisplayName(Kind)}: {StatusText}";

    public string StatusText => Status switch
    {
        PassportItemStatus.Verified when !Valid => ExpiresOn is { } e ? $"expired {e:d MMM yyyy}" : "expired",
        PassportItemStatus.Verified => ExpiresOn is { } e ? $"verified, expires {e:d MMM yyyy}" : "verified",
        PassportItemStatus.Rejected => "not accepted",
        PassportItemStatus.Expired => ExpiresOn is { } e ? $"expired {e:d MMM yyyy}" : "expired",
        _ => "waiting to be checked",
    };
}

/// <summary>
/// The richer directory for practitioners: the passport behind each listing (never its numbers or
/// evidence, which stay with the verification queue).
/// </summary>
public sealed class PassportSummaries(PortalDbContext db)
{
    public static bool CanSee(ClaimsPrincipal user) => user.IsInRole(Roles.Practitioner);

    public async Task<ILookup<Guid, PassportSummary>> ForAsync(IReadOnlyCollection<Guid> providerIds, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = await db.PassportItems.AsNoTracking().Where(i => providerIds.Contains(i.ProviderId)).OrderBy(i => i.Kind).ToListAsync(ct);
        return items.ToLookup(i => i.ProviderId, i => new PassportSummary(i.Kind, i.Status, i.IsValidOn(today), i.ExpiresOn, i.VerifiedAt));
    }
}
