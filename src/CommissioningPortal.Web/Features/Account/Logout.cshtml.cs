
namespace CommissioningPortal.Web.Features.Account;

/// <summary>Sign out is a POST (with the antiforgery token); a GET just goes home.</summary>
public sealed class LogoutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = "You have signed out.";
        return LocalRedirect("/");
    }
}
