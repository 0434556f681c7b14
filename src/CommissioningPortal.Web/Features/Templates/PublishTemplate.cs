namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// A commissioner publishes their authority's draft agreement template, with the text they have
/// previewed, after confirming it: new agreements use it from then on and it never changes again.
/// The text is checked as when a draft is saved.
/// </summary>
public sealed class PublishTemplate(AuthorityTemplates templates, PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string AuthorityCode, Guid TemplateId, string? Markdown, int SeenVersion, bool ConfirmPublish);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await templates.TemplateAsync(actor, input.AuthorityCode, input.TemplateId, ct) is not { } template) return UseCaseResult<string>.NotFound();
        var errors = new FieldErrors();
        if (!errors.Check(FieldError.Form, template.EditProblem)) return errors.Invalid<string>();
        if (!input.ConfirmPublish) errors.Add(nameof(Input.ConfirmPublish), "Tick the box to confirm you have previewed this version");
        AuthorityTemplates.CheckText(errors, nameof(Input.Markdown), input.Markdown);
        if (errors.Any) return errors.Invalid<string>();

        template.Publish(input.Markdown!, clock.GetUtcNow(), actor.Name);
        return await db.SaveAsSeenAsync(template, input.SeenVersion, $"Version {template.Number} published. New agreements use it from now on.", AuthorityTemplates.ConflictMessage, ct);
    }
}
