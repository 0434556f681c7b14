using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner creates a draft framework for their authority: a reference of their own (unique
/// in the authority, no hidden characters), a title, an optional description and optional dates.
/// </summary>
public sealed class CreateFramework(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Reference, string? Title, string? Description, string? StartsOn, string? EndsOn);

    public async Task<UseCaseResult<Framework>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.AuthorityId is not { } authorityId) return UseCaseResult<Framework>.NotFound();
        var errors = new FieldErrors();
        var reference = input.Reference?.Trim() ?? "";
        if (errors.Check(nameof(Input.Reference), Framework.ReferenceProblem(reference)) && await IsTakenAsync(authorityId, reference, ct))
        {
            errors.Add(nameof(Input.Reference), $"You already have a framework with the reference {reference}. Use another.");
        }
        errors.Check(nameof(Input.Title), Framework.TitleProblem(input.Title));
        errors.Check(nameof(Input.Description), Framework.DescriptionProblem(input.Description));
        var startsOn = FrameworkPages.ParseDate(errors, nameof(Input.StartsOn), "The start date", input.StartsOn);
        var endsOn = FrameworkPages.ParseDate(errors, nameof(Input.EndsOn), "The end date", input.EndsOn);
        errors.Check(nameof(Input.EndsOn), Framework.DatesProblem(startsOn, endsOn));
        if (errors.Any) return errors.Invalid<Framework>();

        var framework = Framework.CreateDraft(authorityId, reference, input.Title!, input.Description, startsOn, endsOn, clock.GetUtcNow(), actor.Name);
        db.Frameworks.Add(framework);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A colleague used the reference at the same moment (the unique index on authority and reference held)?
            db.ChangeTracker.Clear();
            if (!await IsTakenAsync(authorityId, reference, ct)) throw;
            return UseCaseResult<Framework>.Invalid(nameof(Input.Reference), $"You already have a framework with the reference {reference}. Use another.");
        }
        return UseCaseResult<Framework>.Done(framework);
    }

    private Task<bool> IsTakenAsync(Guid authorityId, string reference, CancellationToken ct) =>
        db.Frameworks.AnyAsync(f => f.AuthorityId == authorityId && f.Reference == reference, ct);
}
