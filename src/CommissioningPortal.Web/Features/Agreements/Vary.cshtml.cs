using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// A variation: change the budget, outcomes or payment terms. Makes version N+1 with a plain summary
/// of what changed, which needs the same three acceptances; every earlier version stays downloadable.
/// </summary>
[Authorize(Roles = Roles.Practitioner)]
[OneTimeForm]
public sealed class VaryModel(PortalDbContext db, AgreementService agreements, TimeProvider clock) : PageModel
{
    public IsfAgreement Agreement { get; private set; } = null!;

    [BindProperty] public AgreementForm Terms { get; set; } = new();

    [BindProperty, Required(ErrorMessage = "Say why the agreement is changing"), StringLength(1000, ErrorMessage = "Say why the agreement is changing in 1,000 characters or fewer")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } current) return NotFound();
        Terms = AgreementForm.From(current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } current) return NotFound();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == Agreement.WorkflowInstanceId, ct);
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == Agreement.SupportedPersonId, ct);
        if (!await agreements.MayVaryAsync(User, Agreement, person, instance, ct)) // the engine says when a variation may be made
        {
            ModelState.AddModelError(string.Empty, "Only an active agreement can be varied; this one is waiting for acceptances.");
        }
        var terms = Terms.ToTerms(nameof(Terms), ModelState, current, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), current.StartDate);
        var changes = terms is null ? [] : AgreementTerms.Changes(current, terms);
        if (terms is not null && changes.Count == 0) ModelState.AddModelError(string.Empty, "Nothing has changed. Change a term, or go back.");
        if (!ModelState.IsValid || terms is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var tracked = await db.IsfAgreements.SingleAsync(a => a.Id == id, ct);
        var result = await agreements.VaryAsync(tracked, terms, string.Join("\n", changes), Reason!, User, ct);
        if (result.Outcome != Workflows.Runtime.FireOutcome.Fired)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, result.Message ?? "Someone else changed this agreement first. Nothing was saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["StatusMessage"] = $"Version {tracked.CurrentVersion} offered. It needs the same three acceptances; version {tracked.CurrentVersion - 1} stays in force until then.";
        return Redirect($"/agreements/{id}");
    }

    private async Task<AgreementTerms?> LoadAsync(Guid id, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || !AgreementAccess.IsStaffOf(User, agreement)) return null;
        Agreement = agreement;
        var version = await db.IsfAgreementVersions.AsNoTracking().SingleAsync(v => v.AgreementId == id && v.Number == agreement.CurrentVersion, ct);
        return AgreementService.Terms(version);
    }
}
