using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Agreements;

namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// Edit a draft template (Markdown with Liquid merge fields), preview it as the PDF a sample
/// agreement would get, and publish it (the <see cref="SaveTemplateDraft"/> and
/// <see cref="PublishTemplate"/> use cases). An unknown merge field, broken Liquid or a template
/// past its limits is refused on save with its line, keeping what was typed. Published versions are read-only. With JavaScript,
/// <c>template-preview.js</c> posts the text to the <c>live</c> handler as it is typed and shows the
/// sample agreement as HTML (or the problems) beside the editor.
/// </summary>
[Authorize(Policy = Policies.AuthorityAdmin)]
public sealed class EditModel(PortalDbContext db, AgreementDocuments documents, SaveTemplateDraft saveDraft, PublishTemplate publish) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public ContractTemplate Template { get; private set; } = null!;

    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public int SeenVersion { get; set; }
    [BindProperty] public bool ConfirmPublish { get; set; }

    public async Task<IActionResult> OnGetAsync(string authority, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        Markdown = Template.Markdown;
        SeenVersion = Template.Version;
        return Page();
    }

    /// <summary>Saves the draft when it is valid; otherwise 400 with each problem's line, keeping the text.</summary>
    public async Task<IActionResult> OnPostAsync(string authority, Guid id, CancellationToken ct)
    {
        var result = await saveDraft.HandleAsync(new SaveTemplateDraft.Input(authority, id, Markdown, SeenVersion), Actor.Of(User), ct);
        return await AnswerAsync(result, authority, id, $"/authority/{authority}/templates/{id}", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string authority, Guid id, CancellationToken ct)
    {
        var result = await publish.HandleAsync(new PublishTemplate.Input(authority, id, Markdown, SeenVersion, ConfirmPublish), Actor.Of(User), ct);
        return await AnswerAsync(result, authority, id, $"/authority/{authority}/templates", ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string authority, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        var errors = new FieldErrors();
        AuthorityTemplates.CheckText(errors, nameof(Markdown), Markdown);
        if (errors.Any) return this.Refused(errors.Invalid<string>());
        return File(AgreementDocuments.PreviewPdf(Markdown!, Authority.Name), "application/pdf");
    }

    /// <summary>The live preview: the problems with their lines, or the sample agreement as safe HTML. Saves nothing.</summary>
    public async Task<IActionResult> OnPostLiveAsync(string authority, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        var errors = AgreementDocuments.Validate(Markdown ?? "");
        if (errors.Count > 0)
        {
            return new JsonResult(new LivePreview(errors.Select(e => new LiveError(e.Line, e.Message)).ToList(), null)) { StatusCode = StatusCodes.Status400BadRequest };
        }
        return new JsonResult(new LivePreview([], documents.PreviewHtml(Markdown!, Authority.Name)));
    }

    public sealed record LiveError(int Line, string Message);

    public sealed record LivePreview(IReadOnlyList<LiveError> Errors, string? Html);

    private async Task<IActionResult> AnswerAsync(UseCaseResult<string> result, string authority, Guid id, string next, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = result.Value;
            return Redirect(next);
        }
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(string code, Guid id, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        var template = found is null ? null : await db.ContractTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.AuthorityId == found.Id, ct);
        if (found is null || template is null) return false;
        (Authority, Template) = (found, template);
        return true;
    }
}
