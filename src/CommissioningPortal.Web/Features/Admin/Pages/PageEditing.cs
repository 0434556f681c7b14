using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>Loading and saving a content page for its editors, with optimistic concurrency.</summary>
public static class PageEditing
{
    public static Task<ContentPage?> LoadAsync(this PortalDbContext db, string slug, CancellationToken ct) =>
        db.ContentPages.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>
    /// Saves a change to <paramref name="page"/> made from the copy the editor saw (<paramref name="seenVersion"/>).
    /// Returns false, saving nothing, when someone else saved in between.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this PortalDbContext db, ContentPage page, int seenVersion, CancellationToken ct)
    {
        var entry = db.Entry(page);
        entry.Property(p => p.Version).OriginalValue = seenVersion;
        entry.Property(p => p.Version).IsModified = true; // a new revision alone would not touch the page row
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
