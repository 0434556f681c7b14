namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>An administrator restores an earlier revision of a page as a new draft; history is never rewritten.</summary>
public sealed class RestoreRevision(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string Slug, int Number, int SeenVersion);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(actor, input.Slug, ct) is not { } page || page.Restore(input.Number, actor.Name, clock.GetUtcNow()) is not { } restored)
            return UseCaseResult<string>.NotFound();
        return await db.SaveAsync(page, restored, input.SeenVersion, $"Revision {input.Number} restored as draft revision {restored.Number}.",
            "Someone else changed this page at the same time, so nothing was restored. Try again.", ct);
    }
}
