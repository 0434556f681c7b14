using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Definitions;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// One agreement: the parties, where it is, every version (offered and final PDFs), who accepted
/// what, and — when it is the user's turn — the form to accept exactly the PDF they can download.
/// </summary>
[Authorize]
public sealed class AgreementModel(PortalDbContext db, AgreementService agreements, WorkflowDefinitionRegistry definitions) : PageModel
{
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
    public (string Trigger, AgreementParty Party)? Turn { get; private set; }
    /// <summary>Whether the engine offers this user a variation now.</summary>
    public bool MayVary { get; private set; }

    [BindProperty] public string? Sha256 { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Turn is null) return StatusCode(StatusCodes.Status403Forbidden);
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm you have read the agreement and accept it");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        switch (await agreements.AcceptAsync(id, Sha256 ?? "", User, ct))
        {
            case AcceptOutcome.Accepted:
                TempData["StatusMessage"] = Turn.Value.Party == AgreementParty.Authority
                    ? "Authorised. The agreement is now active; the final PDF carries everyone's acceptance."
                    : "Thank you. Your acceptance is recorded.";
                return Redirect($"/agreements/{id}");
            case AcceptOutcome.NotYourTurn:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
                ModelState.AddModelError(string.Empty, "The agreement changed while you were reading it. Nothing was recorded: read the current version and accept again.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
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
                Id = v.Id, AgreementId = v.AgreementId, Number = v.Number, TermsJson = v.TermsJson, ChangeSummary = v.ChangeSummary, TemplateId = v.TemplateId,
                OfferedPdf = Array.Empty<byte>(), OfferedSha256 = v.OfferedSha256, FinalSha256 = v.FinalSha256, CreatedAt = v.CreatedAt, CreatedBy = v.CreatedBy,
                AuthorisedAt = v.AuthorisedAt, Superseded = v.Superseded,
            }).ToListAsync(ct); // without the PDF bytes
        var versionIds = Versions.Select(v => v.Id).ToList();
        Acceptances = (await db.IsfAcceptances.AsNoTracking().Where(a => versionIds.Contains(a.VersionId)).ToListAsync(ct))
            .OrderBy(a => a.At).ThenBy(a => a.Party).ToLookup(a => a.VersionId);
        Turn = await agreements.TurnOfAsync(User, agreement, person, Process, ct);
        MayVary = await agreements.MayVaryAsync(User, agreement, person, Process, ct);
        Sha256 ??= Current.OfferedSha256;
        return true;
    }
}
