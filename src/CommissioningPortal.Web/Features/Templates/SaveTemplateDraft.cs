namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// A commissioner saves the text of their authority's draft agreement template. Every merge field
/// and the Liquid are checked first, with the template's limits (how much it may repeat and how much
/// text it may make): each problem is refused with its line, and nothing is saved.
/// </summary>
public sealed class SaveTemplateDraft(AuthorityTemplates templates, PortalDbContext db)
{
    /// <param name="SeenVersion">The draft's version when the editor opened it: a save by someone else since is a conflict.</param>
    public sealed record Input(string AuthorityCode, Guid TemplateId, string? Markdown, int SeenVersion);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await templates.TemplateAsync(actor, input.AuthorityCode, input.TemplateId, ct) is not { } template) return UseCaseResult<string>.NotFound();
        var errors = new FieldErrors();
        if (!errors.Check(FieldError.Form, template.EditProblem)) return errors.Invalid<string>();
        AuthorityTemplates.CheckText(errors, nameof(Input.Markdown), input.Markdown);
        if (errors.Any) return errors.Invalid<string>();

        template.Edit(input.Markdown!);
        return await db.SaveAsSeenAsync(template, input.SeenVersion, "Draft saved.", AuthorityTemplates.ConflictMessage, ct);
    }
}
