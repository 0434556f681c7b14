using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>An administrator saves a page's title and text as a new draft revision; the public sees it only once it is published.</summary>
public sealed class SavePageDraft(PortalDbContext db, TimeProvider clock)
{
    /// <param name="SeenVersion">The page's version when the editor opened it: a save by someone else since is a conflict.</param>
    public sealed record Input(string Slug, string? Title, string? Markdown, int SeenVersion);

    public sealed record Saved(int Number, string Message);

    public const string ConflictMessage = "Someone else changed this page while you were editing. Your text is kept: check their version, then save again.";

    public async Task<UseCaseResult<Saved>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(actor, input.Slug, ct) is not { } page) return UseCaseResult<Saved>.NotFound();
        var errors = new FieldErrors();
        errors.Check(nameof(Input.Title), ContentPage.TitleProblem(input.Title));
        errors.Check(nameof(Input.Markdown), ContentPage.TextProblem(input.Markdown));
        if (errors.Any) return errors.Invalid<Saved>();

        var revision = page.AddRevision(input.Title!, input.Markdown!, actor.Name, clock.GetUtcNow());
        return await db.SaveAsync(page, revision, input.SeenVersion,
            new Saved(revision.Number, $"Revision {revision.Number} saved as a draft. Preview it, then publish it when it is ready."), ConflictMessage, ct);
    }
}
