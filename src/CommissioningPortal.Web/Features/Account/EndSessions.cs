using System.Security.Claims;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Signing out: the account's security stamp changes, so every copy of the sign-in cookie — this
/// browser's, another device's, one someone copied — stops working on its next request.
/// </summary>
public sealed class EndSessions(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    public async Task HandleAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.Identity?.IsAuthenticated == true && await users.GetUserAsync(actor) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
    }
}
