
namespace CommissioningPortal.Web.Features.Account;

/// <summary>Sign out is a POST (with the antiforgery token); a GET just goes home. Every session of the account ends.</summary>
public sealed class LogoutModel(EndSessions endSessions) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await endSessions.HandleAsync(User, ct);
        TempData["StatusMessage"] = "You have signed out.";
        return LocalRedirect("/");
    }
}
