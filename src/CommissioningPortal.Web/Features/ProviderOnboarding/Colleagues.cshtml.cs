using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/colleagues</c>: an organisation's users, and invitations for colleagues to join by e-mail.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class ColleaguesModel(PortalDbContext db, InviteColleague invite, WithdrawInvitation withdraw, SendInvitationAgain sendAgain, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public Provider Provider { get; private set; } = null!;
    public List<(string Name, string Email)> Members { get; private set; } = [];
    public List<ProviderInvitation> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [OneTimeForm]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invite.HandleAsync(new InviteColleague.Input(Email), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Invitation sent to {result.Value}.";
        return Redirect("/provider/colleagues");
    }

    /// <summary>Withdraws an invitation not yet accepted: its link stops working.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid invitation, CancellationToken ct) =>
        Done(await withdraw.HandleAsync(new WithdrawInvitation.Input(invitation), Actor.Of(User), ct));

    /// <summary>Sends a new invitation (a new link, 14 days again) to the same address; the old link stops working.</summary>
    public async Task<IActionResult> OnPostSendAgainAsync(Guid invitation, CancellationToken ct) =>
        Done(await sendAgain.HandleAsync(new SendInvitationAgain.Input(invitation), Actor.Of(User), ct));

    private IActionResult Done(UseCaseResult<string> result)
    {
        if (!result.Succeeded) return NotFound();
        TempData["StatusMessage"] = result.Value;
        return Redirect("/provider/colleagues");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return false;
        Provider = provider;
        Now = clock.GetUtcNow();
        Members = (await db.Users.AsNoTracking().Where(u => u.ProviderId == id).OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.Email }).ToListAsync(ct)).Select(u => (u.DisplayName, u.Email ?? "")).ToList();
        Invitations = (await db.ProviderInvitations.AsNoTracking().Where(i => i.ProviderId == id).ToListAsync(ct))
            .OrderByDescending(i => i.CreatedAt).ToList();
        return true;
    }
}
