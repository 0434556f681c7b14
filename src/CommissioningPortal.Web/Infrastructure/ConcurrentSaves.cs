using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Saving a change made from the copy of an <see cref="IVersioned"/> aggregate the user saw.</summary>
public static class ConcurrentSaves
{
    /// <summary>
    /// Saves every pending change, provided <paramref name="changed"/> is still at
    /// <paramref name="seenVersion"/> (its version is bumped even when only its children changed).
    /// Someone else's save in between gives a conflict with <paramref name="conflict"/> as the
    /// message, and nothing is saved.
    /// </summary>
    public static async Task<UseCaseResult<T>> SaveAsSeenAsync<T>(this PortalDbContext db, IVersioned changed, int seenVersion, T done, string conflict, CancellationToken ct)
    {
        var version = db.Entry(changed).Property(nameof(IVersioned.Version));
        version.OriginalValue = seenVersion;
        version.IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return UseCaseResult<T>.Done(done);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<T>.Conflict(conflict);
        }
    }
}
