using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Agreements;

namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// Edit a draft template (Markdown with Liquid merge fields), preview it as the PDF a sample
/// agreement would get, and publish it. An unknown merge field or broken Liquid is refused on save
/// with its line, keeping what was typed. Published versions are read-only. With JavaScript,
/// <c>template-preview.js</c> posts the text to the <c>live</c> handler as it is typed and shows the
/// sample agreement as HTML (or the problems) beside the editor.
/// </summary>
[Authorize(Policy = Policies.AuthorityAdmin)]
public sealed class EditModel(PortalDbContext db, AgreementDocuments documents, TimeProvider clock) : PageModel
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
    public async Task<IActionResult> OnPostAsync(string authority, Guid id, CancellationToken ct) => await SaveAsync(authority, id, publish: false, ct);

    public async Task<IActionResult> OnPostPublishAsync(string authority, Guid id, CancellationToken ct) => await SaveAsync(authority, id, publish: true, ct);

    public async Task<IActionResult> OnPostPreviewAsync(string authority, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        if (!Valid()) return Invalid();
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

    private async Task<IActionResult> SaveAsync(string authority, Guid id, bool publish, CancellationToken ct)
    {
        if (!await LoadAsync(authority, id, ct)) return NotFound();
        if (Template.IsPublished)
        {
            ModelState.AddModelError(string.Empty, "This version is published and cannot change. Start a new draft from the templates page.");
            return Invalid();
        }
        if (publish && !ConfirmPublish) ModelState.AddModelError(nameof(ConfirmPublish), "Tick the box to confirm you have previewed this version");
        if (!Valid()) return Invalid();
        var tracked = await db.ContractTemplates.SingleAsync(t => t.Id == id, ct);
        db.Entry(tracked).Property(t => t.Version).OriginalValue = SeenVersion; // someone else saved meanwhile → conflict
        tracked.Markdown = Markdown!;
        if (publish)
        {
            tracked.PublishedAt = clock.GetUtcNow();
            tracked.PublishedBy = User.DisplayNameOf();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else saved this draft while you were editing. Copy your changes, reload, and apply them again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["StatusMessage"] = publish ? $"Version {tracked.Number} published. New agreements use it from now on." : "Draft saved.";
        return Redirect(publish ? $"/authority/{Authority.Code}/templates" : $"/authority/{Authority.Code}/templates/{id}");
    }

    private bool Valid()
    {
        Markdown ??= "";
        foreach (var error in AgreementDocuments.Validate(Markdown))
        {
            ModelState.AddModelError(nameof(Markdown), $"Line {error.Line}: {error.Message}");
        }
        return ModelState.IsValid;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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
