namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>An administrator unpublishes a page: the public gets "page not found"; every revision is kept.</summary>
public sealed class UnpublishPage(PortalDbContext db)
{
    public sealed record Input(string Slug, int SeenVersion);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(actor, input.Slug, ct) is not { } page) return UseCaseResult<string>.NotFound();
        page.Unpublish();
        return await db.SaveAsync(page, null, input.SeenVersion, "The page is unpublished.",
            "Someone else changed this page at the same time, so nothing was unpublished. Check the latest version and try again.", ct);
    }
}
