using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// <c>/authority/{authority}/opportunities/{id}/edit</c>: a draft is edited (<see cref="EditOpportunityDraft"/>);
/// a published one is amended with a note saying what changed (<see cref="AmendOpportunity"/>).
/// </summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
public sealed class EditModel(PortalDbContext db, EditOpportunityDraft edit, AmendOpportunity amend, OpportunityFormReader reader) : PageModel, IOpportunityFormPage
{
    [FromRoute] public string Authority { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public OpportunityForm Form { get; set; } = new();

    /// <summary>What changed and why (amendments only): shown in the change log and the e-mail to followers.</summary>
    [BindProperty] public string? Note { get; set; }

    public OpportunityFormReader.Choices Choices { get; private set; } = null!;
    public Opportunity Opportunity { get; private set; } = null!;
    public bool Amending => Opportunity.Status == OpportunityStatus.Published;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Form = OpportunityForm.From(Opportunity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var actor = Actor.Of(User);
        db.ChangeTracker.Clear();
        var result = Amending ? await amend.HandleAsync(Id, Form, Note, actor, ct) : await edit.HandleAsync(Id, Form, actor, ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = Amending ? "Amended. The change log shows what changed, and everyone following it has been e-mailed." : "Draft saved.";
            return Redirect($"/authority/{Authority}/opportunities/{Id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(ct)) return NotFound();
        return this.RefusedForm(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id && o.AuthorityId == User.AuthorityIdOf(), ct);
        if (opportunity is null || opportunity.Status is OpportunityStatus.Closed or OpportunityStatus.Cancelled) return false;
        Opportunity = opportunity;
        Choices = await reader.ChoicesAsync(opportunity.AuthorityId, ct);
        return true;
    }
}
