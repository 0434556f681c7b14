namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/refresh</c>: re-issues the sign-in cookie after the account was linked to a provider.</summary>
[Authorize]
public sealed class RefreshModel(UserManager<PortalUser> users, ProviderAccount account) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect("/account/login");
        await account.RefreshSignInAsync(user);
        return Redirect(user.ProviderId is null ? "/provider/register" : "/provider");
    }
}
