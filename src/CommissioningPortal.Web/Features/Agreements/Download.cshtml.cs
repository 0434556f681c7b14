namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// The exact bytes of a version's offered or final PDF, for the parties only, shown in the browser.
/// Opening an offered PDF is recorded: a party accepts exactly the bytes they were given.
/// </summary>
[Authorize]
public sealed class DownloadModel(PortalDbContext db, AgreementService agreements) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int number, string kind, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return NotFound();
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(User, agreement, person)) return NotFound();
        var version = await db.IsfAgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.AgreementId == id && v.Number == number, ct);
        var pdf = kind == "final" ? version?.FinalPdf : version?.OfferedPdf;
        if (version is null || pdf is null) return NotFound();
        if (kind == "offered") await agreements.RecordOpeningAsync(version, User, ct);
        Response.Headers.ContentDisposition = $"inline; filename=\"{agreement.Reference}-v{number}{(kind == "final" ? "-signed" : "")}.pdf\"";
        return File(pdf, "application/pdf");
    }
}
