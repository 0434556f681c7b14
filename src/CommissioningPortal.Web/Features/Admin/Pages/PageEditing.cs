using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>
/// What the content-page use cases share: loading a page with its revisions for an administrator,
/// and saving a change made from the copy the editor saw, refused as a conflict when someone else
/// saved in between.
/// </summary>
public static class PageEditing
{
    public static Task<ContentPage?> LoadAsync(this PortalDbContext db, string slug, CancellationToken ct) =>
        db.ContentPages.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>The page to change, or null when there is none or the actor is not an administrator.</summary>
    public static async Task<ContentPage?> LoadForChangeAsync(this PortalDbContext db, Actor actor, string slug, CancellationToken ct) =>
        actor.IsAdministrator ? await db.LoadAsync(slug, ct) : null;

    /// <summary>
    /// Saves a change to <paramref name="page"/> (and a new <paramref name="revision"/>, if any) made
    /// from the copy the editor saw (<paramref name="seenVersion"/>); someone else's save in between
    /// gives a conflict with <paramref name="conflict"/> as the message, and nothing is saved.
    /// </summary>
    public static Task<UseCaseResult<T>> SaveAsync<T>(this PortalDbContext db, ContentPage page, ContentPageRevision? revision, int seenVersion,
        T done, string conflict, CancellationToken ct)
    {
        // A revision reached only through the page's list would be taken for an existing row (its key is set).
        if (revision is not null) db.ContentPageRevisions.Add(revision);
        return db.SaveAsSeenAsync(page, seenVersion, done, conflict, ct);
    }
}
