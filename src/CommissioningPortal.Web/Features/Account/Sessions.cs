using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// A sign-in cookie is only as good as the account behind it. On every request the cookie's security
/// stamp is compared with the account's: signing out, changing or resetting the password and turning
/// two-step verification on or off all change the stamp, so every other copy of the cookie — another
/// browser, or one an attacker replays — stops working at once. A deleted account (a closed Personal
/// Assistant's, say) or one of a closed provider can do nothing. One indexed read per signed-in request.
/// </summary>
public static class Sessions
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsCurrentAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Identity's own validator still refreshes the claims (roles, provider) every 30 minutes.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;
        var db = http.RequestServices.GetRequiredService<PortalDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, ProviderClosed = u.ProviderId != null && db.Providers.Any(p => p.Id == u.ProviderId && p.ClosedAt != null) })
            .FirstOrDefaultAsync(http.RequestAborted);
        return account is { ProviderClosed: false } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
