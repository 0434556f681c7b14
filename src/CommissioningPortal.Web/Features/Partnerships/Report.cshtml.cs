namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>The partnership report as a PDF, for members only (404 to anyone else).</summary>
[Authorize]
public sealed class ReportModel(PartnershipAccess access, PartnershipReport report) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.LoadAsync(id, User, ct) is not { } w) return NotFound();
        var pdf = await report.RenderAsync(w, ct);
        Response.Headers.ContentDisposition = $"inline; filename=\"{RegistersModel.Slug(w.Partnership.Name)}-report.pdf\"";
        return File(pdf, "application/pdf");
    }
}
