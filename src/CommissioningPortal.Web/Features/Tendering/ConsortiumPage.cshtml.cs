using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary><c>/tenders/{id}/consortium</c>: the lead invites providers into its consortium; an invited provider confirms.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class ConsortiumPageModel(PortalDbContext db, ConsortiumInvitations consortium) : PageModel
{
    public sealed record Row(ConsortiumMember Member, string Name);

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? MemberProviderId { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<Row> Members { get; private set; } = [];
    public IReadOnlyList<Row> Invitations { get; private set; } = [];
    public IReadOnlyList<(string, string)> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await consortium.InviteAsync(Id, MemberProviderId, Actor.Of(User), ct);
        if (result.Outcome == UseCaseOutcome.NotFound || !result.Succeeded && !await LoadAsync(ct)) return NotFound();
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "Invitation sent. They must confirm before you can submit.";
        return Redirect($"/tenders/{Id}/consortium");
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid invitationId, CancellationToken ct)
    {
        var result = await consortium.ConfirmAsync(Id, invitationId, Actor.Of(User), ct);
        if (result.Outcome == UseCaseOutcome.NotFound || !result.Succeeded && !await LoadAsync(ct)) return NotFound();
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "You have confirmed you are part of this consortium.";
        return Redirect($"/tenders/{Id}/consortium");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.ProviderIdOf() is not { } providerId) return false;
        var opportunity = await db.OpenOpportunityAsync(Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        var responseId = await db.TenderResponses.Where(r => r.OpportunityId == Id && r.ProviderId == providerId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        Members = (await (from m in db.ConsortiumMembers.AsNoTracking() join p in db.Providers on m.ProviderId equals p.Id
                          where m.ResponseId == responseId select new { m, p.Name }).ToListAsync(ct)).Select(x => new Row(x.m, x.Name)).ToList();
        Invitations = (await (from m in db.ConsortiumMembers.AsNoTracking()
                              join r in db.TenderResponses on m.ResponseId equals r.Id
                              join p in db.Providers on r.ProviderId equals p.Id
                              where m.OpportunityId == Id && m.ProviderId == providerId select new { m, p.Name }).ToListAsync(ct)).Select(x => new Row(x.m, x.Name)).ToList();
        Choices = (await db.Providers.AsNoTracking().Where(p => p.Id != providerId && p.ClosedAt == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id.ToString(), p.Name)).ToList();
        return true;
    }
}
