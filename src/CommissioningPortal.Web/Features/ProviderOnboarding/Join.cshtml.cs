using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/join/{token}</c>: a signed-in colleague accepts an invitation sent to their e-mail address.</summary>
[Authorize]
public sealed class JoinModel(PortalDbContext db, UserManager<PortalUser> users, ProviderAccount account, TimeProvider clock) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    public string? ProviderName { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await CheckAsync(ct);
        if (Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (invitation, user) = await CheckAsync(ct);
        if (invitation is null || user is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        invitation.AcceptedAt = clock.GetUtcNow();
        invitation.AcceptedByUserId = user.Id;
        user.ProviderId = invitation.ProviderId;
        await db.SaveChangesAsync(ct);
        if (!await users.IsInRoleAsync(user, Roles.ProviderUser)) await users.AddToRoleAsync(user, Roles.ProviderUser);
        await transaction.CommitAsync(ct);
        await account.RefreshSignInAsync(user);
        TempData["StatusMessage"] = $"You have joined {ProviderName}.";
        return Redirect("/provider");
    }

    private async Task<(ProviderInvitation?, PortalUser?)> CheckAsync(CancellationToken ct)
    {
        var hash = ColleaguesModel.HashOf(Token);
        var invitation = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var user = await users.GetUserAsync(User);
        if (invitation is null || user is null || !invitation.IsOpenAt(clock.GetUtcNow()))
        {
            Problem = "This invitation link is not right, has been used, or has expired. Ask your colleague to send a new one.";
            return (null, null);
        }
        ProviderName = await db.Providers.Where(p => p.Id == invitation.ProviderId).Select(p => p.Name).FirstAsync(ct);
        if (!string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            Problem = $"This invitation was sent to {invitation.Email}. Sign in with that e-mail address to accept it.";
            return (null, null);
        }
        if (user.ProviderId is { } current && current != invitation.ProviderId)
        {
            Problem = "Your account already belongs to another provider. Ask the portal's administrators to move it.";
            return (null, null);
        }
        return (invitation, user);
    }
}
