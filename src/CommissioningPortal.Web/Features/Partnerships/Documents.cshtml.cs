using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Web.Features.Opportunities.Commissioning;
using CommissioningPortal.Web.Features.ProviderOnboarding;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>The partnership's documents: each upload a new version, every version kept with who and when.</summary>
[Authorize]
public sealed class DocumentsModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<PartnershipDocument> Documents { get; private set; } = [];

    [BindProperty] public string? DocumentTitle { get; set; }
    [BindProperty] public Guid? DocumentId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] SharedRecord record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var upload = Upload is { } file ? new OpportunityDocuments.Upload(file.FileName, file.Length, file.OpenReadStream) : null;
        var result = await record.UploadAsync(W, DocumentId, DocumentTitle, upload, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"Uploaded: {result.Value!.FileName}, version {result.Value.Number}.";
        return Redirect(W.Link("/documents"));
    }

    /// <summary>One version's bytes: members only, like the workspace (404 to anyone else).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid documentId, int number, [FromServices] IEvidenceStore store, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var version = Documents.FirstOrDefault(d => d.Id == documentId)?.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null || store.Open(version.Location) is not { } stream) return NotFound();
        return File(stream, version.ContentType, version.FileName);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w) return false;
        W = w;
        Documents = (await db.PartnershipDocuments.AsNoTracking().Where(d => d.PartnershipId == id).ToListAsync(ct)).OrderBy(d => d.Title).ToList();
        return true;
    }
}
