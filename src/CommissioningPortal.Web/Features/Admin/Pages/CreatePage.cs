using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>An administrator creates a content page: its address, title and first draft. It is not published.</summary>
public sealed class CreatePage(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Slug, string? Title, string? Markdown);

    public sealed record Created(string Slug, string Message);

    public async Task<UseCaseResult<Created>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return UseCaseResult<Created>.NotFound();
        var slug = input.Slug?.Trim().ToLowerInvariant();
        var errors = new FieldErrors();
        if (errors.Check(nameof(Input.Slug), ContentPage.SlugProblem(slug)) && await db.ContentPages.AnyAsync(p => p.Slug == slug, ct))
            errors.Add(nameof(Input.Slug), "A page with this address already exists");
        errors.Check(nameof(Input.Title), ContentPage.TitleProblem(input.Title));
        errors.Check(nameof(Input.Markdown), ContentPage.TextProblem(input.Markdown));
        if (errors.Any) return errors.Invalid<Created>();

        var page = ContentPage.Create(slug!, input.Title!, input.Markdown!, actor.Name, clock.GetUtcNow());
        db.ContentPages.Add(page);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The address is unique: someone else created a page with it a moment ago.
            db.ChangeTracker.Clear();
            if (!await db.ContentPages.AsNoTracking().AnyAsync(p => p.Slug == slug, CancellationToken.None)) throw;
            return UseCaseResult<Created>.Invalid(nameof(Input.Slug), "A page with this address has just been created by someone else");
        }
        return UseCaseResult<Created>.Done(new Created(page.Slug, $"Draft of '{page.Latest!.Title}' saved. It is not published yet."));
    }
}
