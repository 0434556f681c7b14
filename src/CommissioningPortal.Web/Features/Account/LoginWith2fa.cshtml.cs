using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.SignInRateLimit)]
public sealed class LoginWith2faModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit security code"), RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The security code is 6 digits, like 123456")]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var code = Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Your account is locked because of too many failed attempts. Try again in 15 minutes.");
            return Page();
        }
        ModelState.AddModelError(nameof(Code), "That security code is not right. Check your authenticator app and try again");
        return Page();
    }
}
