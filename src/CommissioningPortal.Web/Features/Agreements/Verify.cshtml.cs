namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// Public: is this PDF exactly an agreement the portal issued? Compares SHA-256 fingerprints and says
/// which agreement and version it is, never what it says. One changed byte changes the fingerprint.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class VerifyModel(PortalDbContext db) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public sealed record Match(string Reference, int Version, bool Final, DateTimeOffset? AuthorisedAt, bool Superseded);

    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }

    public string? Checked { get; private set; }
    public Match? Found { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? hash = null;
        if (Document is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes) ModelState.AddModelError(nameof(Document), "The file is larger than 20 MB: no agreement is that large");
            else
            {
                await using var stream = file.OpenReadStream();
                hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
            }
        }
        else if (!string.IsNullOrWhiteSpace(Fingerprint))
        {
            var text = Fingerprint.Trim().ToLowerInvariant();
            if (text.Length != 64 || !text.All(Uri.IsHexDigit)) ModelState.AddModelError(nameof(Fingerprint), "A SHA-256 fingerprint is 64 characters, 0–9 and a–f");
            else hash = text;
        }
        else
        {
            ModelState.AddModelError(nameof(Document), "Choose the agreement PDF to check, or paste its fingerprint");
        }
        if (hash is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Checked = hash;
        Found = await (from v in db.IsfAgreementVersions.AsNoTracking()
                       join a in db.IsfAgreements.AsNoTracking() on v.AgreementId equals a.Id
                       where v.FinalSha256 == hash || v.OfferedSha256 == hash
                       select new Match(a.Reference, v.Number, v.FinalSha256 == hash, v.AuthorisedAt, v.Superseded)).FirstOrDefaultAsync(ct);
        return Page();
    }
}
