using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// <c>/authority/{authority}/opportunities/{id}/close</c> and <c>…/cancel</c>: the confirmation, with the reason
/// for cancelling (shown publicly), then <see cref="CloseOrCancelOpportunity"/>.
/// </summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
public sealed class StatusModel(PortalDbContext db, CloseOrCancelOpportunity change) : PageModel
{
    [FromRoute] public string Authority { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public string Act { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }
    public Opportunity Opportunity { get; private set; } = null!;
    public bool Cancelling => Act == "cancel";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        db.ChangeTracker.Clear();
        var actor = Actor.Of(User);
        var result = Cancelling ? await change.CancelAsync(Id, Reason, actor, ct) : await change.CloseAsync(Id, actor, ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = Cancelling ? "Cancelled. The public page shows your reason." : "Closed. It no longer takes responses.";
            return Redirect($"/authority/{Authority}/opportunities/{Id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.AuthorityId == User.AuthorityIdOf(), ct);
        if (o is null) return false;
        Opportunity = o;
        return Cancelling ? o.Status is OpportunityStatus.Draft or OpportunityStatus.Published : o.Status == OpportunityStatus.Published;
    }
}
