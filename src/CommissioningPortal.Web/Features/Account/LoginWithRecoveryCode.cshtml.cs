using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.SignInRateLimit)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter a recovery code")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? "Your account is locked because of too many failed attempts. Try again in 15 minutes."
            : "That recovery code is not right, or has been used already");
        return Page();
    }
}
