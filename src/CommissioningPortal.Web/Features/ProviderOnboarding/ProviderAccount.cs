using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>The signed-in provider user, their provider, and joining one (which refreshes the sign-in so the claim appears).</summary>
public sealed class ProviderAccount(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    /// <summary>The provider the user belongs to, read from the database (the claim may be older than the link).</summary>
    public async Task<Guid?> ProviderIdAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.ProviderIdOf() is { } claimed) return claimed;
        var id = users.GetUserId(principal);
        return id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.ProviderId).FirstOrDefaultAsync(ct);
    }

    public async Task<Provider?> ProviderAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var id = principal.ProviderIdOf();
        return id is null ? null : await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>Re-issues the sign-in cookie so it carries the provider claim just linked.</summary>
    public async Task RefreshSignInAsync(PortalUser user) => await signIn.RefreshSignInAsync(user);
}
