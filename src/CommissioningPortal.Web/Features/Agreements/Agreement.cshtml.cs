using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// One agreement: the parties, the version in force (with any pending variation beside it), every
/// version (offered and final PDFs), who accepted what, and the steps the engine offers this user:
/// accept exactly the PDF they opened, withdraw an offer, end with notice, record a review or a
/// signature on paper. Each is one of the feature's use cases in <see cref="AgreementService"/>.
/// </summary>
[Authorize]
public sealed class AgreementModel(PortalDbContext db, AgreementService agreements, WorkflowDefinitionRegistry definitions, TimeProvider clock) : PageModel
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    public IsfAgreement Agreement { get; private set; } = null!;
    public SupportedPerson Person { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public string AuthorityName { get; private set; } = "";
    public WorkflowInstance Process { get; private set; } = null!;
    public string StageTitle { get; private set; } = "";
    public IReadOnlyList<IsfAgreementVersion> Versions { get; private set; } = [];
    public ILookup<Guid, IsfAcceptance> Acceptances { get; private set; } = null!;
    public IsfAgreementVersion Current => Versions.Single(v => v.Number == Agreement.CurrentVersion);
    public AgreementTerms CurrentTerms => AgreementService.Terms(Current);

    /// <summary>The version in force: the newest authorised one; null before the first is authorised.</summary>
    public IsfAgreementVersion? InForce => Versions.Where(v => v.AuthorisedAt is not null).MaxBy(v => v.Number);

    /// <summary>The version offered and waiting for acceptances, if any (a first offer or a variation).</summary>
    public IsfAgreementVersion? Pending => Versions.FirstOrDefault(v => v.AuthorisedAt is null && v.WithdrawnAt is null && v.Number == Agreement.CurrentVersion && !Ended);

    public bool Ended => Process.CompletedAt is not null;
    public (string Trigger, AgreementParty Party)? Turn { get; private set; }

    /// <summary>When it is the user's turn but the version names someone else: why, in plain words.</summary>
    public string? NotSignatory { get; private set; }

    /// <summary>Whether the user has opened the version they are asked to accept.</summary>
    public bool Opened { get; private set; }

    /// <summary>Steps the engine offers this user now (this feature's own).</summary>
    public IReadOnlySet<string> Steps { get; private set; } = new HashSet<string>();

    public bool MayVary => Steps.Contains("vary");
    public bool MayWithdraw => (Steps.Contains("withdraw-offer") || Steps.Contains("withdraw-variation")) && Pending is not null;
    public bool MayEnd => Steps.Contains("end");
    public bool MayReview => Steps.Contains("complete-review");

    /// <summary>The practitioner may record the person's signature on paper while it waits for them.</summary>
    public bool MayRecordPaper => Steps.Contains("accept-as-person") && AgreementAccess.IsStaffOf(User, Agreement) && User.IsInRole(Roles.Practitioner);

    /// <summary>The person (or representative) has no portal account linked yet.</summary>
    public bool WaitingToJoin => Pending is not null && Process.State == "offered" && Person.UserId is null && Person.RepresentativeUserId is null;

    [BindProperty] public string? Sha256 { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }
    [BindProperty] public string? EndReason { get; set; }
    [BindProperty] public string? ReviewNotes { get; set; }
    [BindProperty] public string? SignedBy { get; set; }
    [BindProperty] public string? SignedOn { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Turn is null) return StatusCode(StatusCodes.Status403Forbidden);
        if (NotSignatory is { } why) return Refuse(StatusCodes.Status403Forbidden, "", why);
        if (!Confirm) return Refuse(StatusCodes.Status400BadRequest, nameof(Confirm), "Tick the box to confirm you have read the agreement and accept it");
        var result = await agreements.AcceptAsync(id, Sha256 ?? "", User, ct);
        switch (result.Outcome)
        {
            case AcceptOutcome.Accepted:
                TempData["StatusMessage"] = Turn.Value.Party == AgreementParty.Authority
                    ? "Authorised. The agreement is now active; the final PDF carries everyone's acceptance."
                    : "Thank you. Your acceptance is recorded.";
                return Redirect($"/agreements/{id}");
            case AcceptOutcome.NotYourTurn:
                return StatusCode(StatusCodes.Status403Forbidden);
            case AcceptOutcome.NotOpened:
                return Refuse(StatusCodes.Status400BadRequest, nameof(Confirm), result.Message!);
            case AcceptOutcome.WrongSignatory:
                return Refuse(StatusCodes.Status403Forbidden, "", result.Message!);
            default:
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
                return Refuse(StatusCodes.Status409Conflict, "", "The agreement changed while you were reading it. Nothing was recorded: read the current version and accept again.");
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayWithdraw) return StatusCode(StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(WithdrawReason) || WithdrawReason.Length > 1000) return Refuse(StatusCodes.Status400BadRequest, nameof(WithdrawReason), "Say why the offer is withdrawn (up to 1,000 characters)");
        var number = Pending!.Number;
        var result = await agreements.WithdrawAsync(id, WithdrawReason, User, ct);
        if (result.Outcome != FireOutcome.Fired) return await ConflictAsync(id, result, ct);
        TempData["StatusMessage"] = InForce is { } inForce
            ? $"Version {number} withdrawn. Version {inForce.Number} stays in force."
            : $"Offer withdrawn. The agreement will not start.";
        return Redirect($"/agreements/{id}");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayEnd) return StatusCode(StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(EndReason) || EndReason.Length > 1000) return Refuse(StatusCodes.Status400BadRequest, nameof(EndReason), "Say why the agreement is ending (up to 1,000 characters)");
        var result = await agreements.EndAsync(id, EndReason, User, ct);
        if (result.Outcome != FireOutcome.Fired) return await ConflictAsync(id, result, ct);
        var endsOn = await db.IsfAgreements.Where(a => a.Id == id).Select(a => a.EndsOn).SingleAsync(ct);
        TempData["StatusMessage"] = $"Notice given. The agreement ends on {AgreementTerms.Date(endsOn!.Value)}; everyone taking part has been told.";
        return Redirect($"/agreements/{id}");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayReview) return StatusCode(StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(ReviewNotes) || ReviewNotes.Length > 1000) return Refuse(StatusCodes.Status400BadRequest, nameof(ReviewNotes), "Say what the review found (up to 1,000 characters)");
        var result = await agreements.CompleteReviewAsync(id, ReviewNotes, User, ct);
        if (result.Outcome != FireOutcome.Fired) return await ConflictAsync(id, result, ct);
        TempData["StatusMessage"] = "Review recorded.";
        return Redirect($"/agreements/{id}");
    }

    /// <summary>The practitioner records a signature on a printed copy, with the scan attached.</summary>
    public async Task<IActionResult> OnPostPaperAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayRecordPaper) return StatusCode(StatusCodes.Status403Forbidden);
        var terms = CurrentTerms;
        var named = new[] { terms.PersonName, terms.RepresentativeName }.OfType<string>().ToList();
        if (string.IsNullOrWhiteSpace(SignedBy)) ModelState.AddModelError(nameof(SignedBy), "Enter the name of whoever signed the paper copy");
        else if (!named.Any(n => AgreementService.SameName(n, SignedBy))) ModelState.AddModelError(nameof(SignedBy), $"Who signed must be the person or the representative this version names: {string.Join(" or ", named)}");
        DateOnly signedOn = default;
        if (string.IsNullOrWhiteSpace(SignedOn)) ModelState.AddModelError(nameof(SignedOn), "Enter the date it was signed");
        else if (!DateOnly.TryParseExact(SignedOn.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out signedOn))
            ModelState.AddModelError(nameof(SignedOn), "Enter the date it was signed as a real date, like 2026-12-01");
        else if (signedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || signedOn < DateOnly.FromDateTime(Current.CreatedAt.UtcDateTime))
            ModelState.AddModelError(nameof(SignedOn), "The date it was signed must be between the day it was offered and today");
        if (Scan is null || Scan.Length == 0) ModelState.AddModelError(nameof(Scan), "Attach the scan of the signed copy (PDF, JPEG or PNG)");
        else if (Scan.Length > MaxScanBytes) ModelState.AddModelError(nameof(Scan), "The scan must be smaller than 10 MB");
        if (!ModelState.IsValid) return Refuse(StatusCodes.Status400BadRequest, null, null);
        byte[] bytes;
        using (var stream = new MemoryStream())
        {
            await Scan!.CopyToAsync(stream, ct);
            bytes = stream.ToArray();
        }
        if (!LooksLikeScan(bytes)) return Refuse(StatusCodes.Status400BadRequest, nameof(Scan), "The scan must be a PDF, JPEG or PNG file");
        var party = !string.IsNullOrWhiteSpace(terms.RepresentativeName) && AgreementService.SameName(terms.RepresentativeName, SignedBy!) ? AgreementParty.Representative : AgreementParty.Person;
        var result = await agreements.RecordPaperSignatureAsync(id, party, AgreementService.PlainName(SignedBy!), signedOn, bytes, Path.GetFileName(Scan!.FileName), User, ct);
        if (result.Outcome != AcceptOutcome.Accepted)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Refuse(StatusCodes.Status409Conflict, "", "Someone else moved the agreement on first. Nothing was recorded.");
        }
        TempData["StatusMessage"] = $"The paper signature of {AgreementService.PlainName(SignedBy!)} is recorded with its scan. The provider is next.";
        return Redirect($"/agreements/{id}");
    }

    private static bool LooksLikeScan(byte[] b) =>
        b.Length > 4 && ((b[0] == 0x25 && b[1] == 0x50 && b[2] == 0x44 && b[3] == 0x46) || (b[0] == 0xFF && b[1] == 0xD8) || (b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47));

    private async Task<IActionResult> ConflictAsync(Guid id, FireResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Refuse(StatusCodes.Status409Conflict, "", $"{result.Message ?? "Someone else moved the agreement on first."} Nothing was changed.");
    }

    private PageResult Refuse(int status, string? field, string? message)
    {
        if (field is not null && message is not null) ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return false;
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(User, agreement, person)) return false; // not yours: it does not exist for you
        Agreement = agreement;
        Person = person;
        ProviderName = await db.Providers.Where(p => p.Id == agreement.ProviderId).Select(p => p.Name).SingleAsync(ct);
        AuthorityName = await db.Authorities.Where(a => a.Id == agreement.AuthorityId).Select(a => a.Name).SingleAsync(ct);
        Process = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == agreement.WorkflowInstanceId, ct);
        StageTitle = definitions.Get(Process.DefinitionId, Process.DefinitionVersion).State(Process.State)?.Title ?? Process.State;
        Versions = await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == id).OrderByDescending(v => v.Number)
            .Select(v => new IsfAgreementVersion
            {
                Id = v.Id, AgreementId = v.AgreementId, Number = v.Number, TermsJson = v.TermsJson, ChangeSummary = v.ChangeSummary, ChangeReason = v.ChangeReason, TemplateId = v.TemplateId,
                OfferedPdf = Array.Empty<byte>(), OfferedSha256 = v.OfferedSha256, FinalSha256 = v.FinalSha256, CreatedAt = v.CreatedAt, CreatedBy = v.CreatedBy,
                AuthorisedAt = v.AuthorisedAt, Superseded = v.Superseded, WithdrawnAt = v.WithdrawnAt, WithdrawnReason = v.WithdrawnReason,
            }).ToListAsync(ct); // without the PDF bytes
        var versionIds = Versions.Select(v => v.Id).ToList();
        Acceptances = (await db.IsfAcceptances.AsNoTracking().Where(a => versionIds.Contains(a.VersionId))
                .Select(a => new IsfAcceptance { Id = a.Id, VersionId = a.VersionId, Party = a.Party, UserId = a.UserId, Name = a.Name, At = a.At, Sha256 = a.Sha256, Method = a.Method, RecordedBy = a.RecordedBy, ScanFileName = a.ScanFileName })
                .ToListAsync(ct))
            .OrderBy(a => a.At).ThenBy(a => a.Party).ToLookup(a => a.VersionId);
        Turn = await agreements.TurnOfAsync(User, agreement, person, Process, ct);
        NotSignatory = Turn is { } turn ? AgreementService.WhyNotSignatory(User, turn.Party, agreement, person, CurrentTerms) : null;
        Opened = Turn is not null && await agreements.HasOpenedAsync(Current.Id, User, ct);
        Steps = await agreements.StepsForAsync(User, agreement, person, Process, ct);
        Sha256 ??= Current.OfferedSha256;
        return true;
    }
}
