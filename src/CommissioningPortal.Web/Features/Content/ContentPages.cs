using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Content;

/// <summary>Reads content pages for the public and for editors.</summary>
public sealed class ContentPages(PortalDbContext db, ContentRenderer renderer)
{
    /// <summary>The published revision rendered for the public, or null when none is published.</summary>
    public async Task<(string Title, string Html)?> RenderPublishedAsync(string slug, CancellationToken ct)
    {
        var revision = await (from p in db.ContentPages.AsNoTracking()
                              join r in db.ContentPageRevisions.AsNoTracking() on p.PublishedRevisionId equals r.Id
                              where p.Slug == slug
                              select r).FirstOrDefaultAsync(ct);
        return revision is null ? null : (revision.Title, renderer.RenderPage(revision.Title, revision.Markdown, revision.PublishedAt ?? revision.CreatedAt));
    }

    public Task<ContentPage?> FindWithRevisionsAsync(string slug, CancellationToken ct) =>
        db.ContentPages.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Slug == slug, ct);
}
