using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.SignInRateLimit)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = Messages.EnterEmail)]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public DateTimeOffset? LockedOutUntil { get; private set; }
    public int LockedMinutes { get; private set; }
    public bool NotConfirmed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = RememberMe });
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (result.IsLockedOut && user?.LockoutEnd is { } end)
        {
            LockedOutUntil = end.ToLocalTime();
            LockedMinutes = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
            return Page();
        }
        if (result.IsNotAllowed && user is { EmailConfirmed: false } && await users.CheckPasswordAsync(user, Password!))
        {
            NotConfirmed = true;
            return Page();
        }
        ModelState.AddModelError(nameof(Email), "Enter a correct e-mail address and password");
        return Page();
    }
}
