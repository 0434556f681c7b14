namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>An administrator publishes a revision of a page (the latest draft, from the confirmation page): the public sees it at once.</summary>
public sealed class PublishPage(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string Slug, int Number, int SeenVersion);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(actor, input.Slug, ct) is not { } page || !page.Publish(input.Number, clock.GetUtcNow()))
            return UseCaseResult<string>.NotFound();
        return await db.SaveAsync(page, null, input.SeenVersion, $"Revision {input.Number} is published.",
            "Someone else changed this page at the same time, so nothing was published. Check the latest version and try again.", ct);
    }
}
