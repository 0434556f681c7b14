using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>One saved provider as the shortlist shows it: who, checks, and capacity across their services.</summary>
public sealed record ShortlistRow(
    Guid ProviderId, string Name, ProviderKind Kind, bool Verified, bool Closed, DateTimeOffset AddedAt,
    int Services, int ServicesWithCapacityNow, int HoursFreeNow, DateOnly? EarliestStart, bool CapacityStale)
{
    public string CapacityText => Closed
        ? "Account closed"
        : Services == 0 ? "No services listed"
        : HoursFreeNow > 0 ? $"{HoursFreeNow} hours a week free now"
        : EarliestStart is { } start ? $"Hours free from {start:d MMM yyyy}"
        : "No hours free";
}

/// <summary>The shortlist of providers a signed-in person keeps (see <see cref="Policies.Shortlist"/>).</summary>
public sealed class Shortlists(PortalDbContext db)
{
    public static bool CanUse(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true &&
        (user.IsInRole(Roles.SupportedPerson) || user.IsInRole(Roles.Representative) || user.IsInRole(Roles.Practitioner));

    public static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Which of <paramref name="providerIds"/> the user has saved.</summary>
    public async Task<HashSet<Guid>> SavedAsync(string userId, IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        providerIds.Count == 0
            ? []
            : (await db.ShortlistEntries.AsNoTracking().Where(e => e.UserId == userId && providerIds.Contains(e.ProviderId))
                .Select(e => e.ProviderId).ToListAsync(ct)).ToHashSet();

    /// <summary>Saves a provider; false if there is no such open provider. Saving twice keeps one entry.</summary>
    public async Task<bool> AddAsync(string userId, Guid providerId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == providerId && p.ClosedAt == null, ct)) return false;
        if (await db.ShortlistEntries.AnyAsync(e => e.UserId == userId && e.ProviderId == providerId, ct)) return true;
        db.ShortlistEntries.Add(new ShortlistEntry { UserId = userId, ProviderId = providerId, AddedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second click raced the first: the unique index kept one entry, which is what was asked for.
            db.ChangeTracker.Clear();
            if (!await db.ShortlistEntries.AsNoTracking().AnyAsync(e => e.UserId == userId && e.ProviderId == providerId, ct)) throw;
        }
        return true;
    }

    public async Task RemoveAsync(string userId, Guid providerId, CancellationToken ct) =>
        await db.ShortlistEntries.Where(e => e.UserId == userId && e.ProviderId == providerId).ExecuteDeleteAsync(ct);

    /// <summary>The user's shortlist, most recently added first.</summary>
    public async Task<IReadOnlyList<ShortlistRow>> ListAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var saved = await (from e in db.ShortlistEntries.AsNoTracking()
                           join p in db.Providers on e.ProviderId equals p.Id
                           where e.UserId == userId
                           orderby e.AddedAt descending, p.Name
                           select new { p.Id, p.Name, p.Kind, p.VerifiedThrough, p.ClosedAt, e.AddedAt }).ToListAsync(ct);
        var ids = saved.Select(s => s.Id).ToList();
        var services = (await db.Services.AsNoTracking().Where(s => ids.Contains(s.ProviderId))
                .Select(s => new { s.ProviderId, s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt }).ToListAsync(ct))
            .ToLookup(s => s.ProviderId);
        return saved.Select(p =>
        {
            var own = services[p.Id].ToList();
            var now_ = own.Where(s => s.HoursFreePerWeek > 0 && (s.EarliestStart is null || s.EarliestStart <= today)).ToList();
            return new ShortlistRow(
                p.Id, p.Name, p.Kind, p.VerifiedThrough is { } through && today <= through, p.ClosedAt is not null, p.AddedAt,
                own.Count, now_.Count, now_.Sum(s => s.HoursFreePerWeek ?? 0),
                own.Where(s => s.HoursFreePerWeek > 0 && s.EarliestStart > today).Select(s => s.EarliestStart).Min(),
                own.Any(s => Service.IsStale(s.CapacityConfirmedAt, now)));
        }).ToList();
    }
}

/// <summary>What the "Add to shortlist" control shows: a form for those who keep one, a sign-in link for the public.</summary>
public sealed record ShortlistButton(Guid ProviderId, string ProviderName, ShortlistButton.State Is, string ReturnUrl)
{
    public enum State { Anonymous, NotForThisRole, NotSaved, Saved }

    public static State For(ClaimsPrincipal user, ISet<Guid>? saved, Guid providerId) =>
        user.Identity?.IsAuthenticated != true ? State.Anonymous
        : saved is null ? State.NotForThisRole
        : saved.Contains(providerId) ? State.Saved : State.NotSaved;
}
