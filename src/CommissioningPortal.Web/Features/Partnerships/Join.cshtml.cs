using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>An invitation: the signed-in person reads what the partnership is for and joins it.</summary>
[Authorize]
public sealed class JoinModel(PortalDbContext db) : PageModel
{
    public PartnershipMember Invitation { get; private set; } = null!;
    public Partnership Partnership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, [FromServices] JoinPartnership join, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var result = await join.HandleAsync(token, User, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"You are a member of {Partnership.Name}.";
        return Redirect($"/partnerships/{result.Value}");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var invitation = await db.PartnershipMembers.AsNoTracking().FirstOrDefaultAsync(m => m.InvitationToken == token, ct);
        if (invitation is null || (invitation.UserId is not null && invitation.UserId != userId)) return false;
        Invitation = invitation;
        Partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == invitation.PartnershipId, ct);
        return true;
    }
}
