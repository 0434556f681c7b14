namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>The exact bytes of a version's offered or final PDF, for the parties only.</summary>
[Authorize]
public sealed class DownloadModel(PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int number, string kind, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return NotFound();
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(User, agreement, person)) return NotFound();
        var pdf = await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.Number == number)
            .Select(v => kind == "final" ? v.FinalPdf : v.OfferedPdf).FirstOrDefaultAsync(ct);
        if (pdf is null) return NotFound();
        return File(pdf, "application/pdf", $"{agreement.Reference}-v{number}{(kind == "final" ? "-signed" : "")}.pdf");
    }
}
