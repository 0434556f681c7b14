
namespace CommissioningPortal.Web.Features.Account;

public sealed class ResetPasswordModel(UserManager<PortalUser> users) : PageModel
{
    [BindProperty(SupportsGet = true), Required(ErrorMessage = Messages.EnterEmail), EmailAddress(ErrorMessage = Messages.EmailFormat)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password"), StringLength(200, MinimumLength = 10, ErrorMessage = Messages.PasswordLength)]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "Confirm your new password"), Compare(nameof(Password), ErrorMessage = Messages.PasswordsDiffer)]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
        ModelState.Clear(); // arriving from the e-mail link is not a failed submission
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var token = AccountEmails.Decode(Code);
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (token is null || user is null)
        {
            ModelState.AddModelError(nameof(Email), "This reset link is not valid for that e-mail address. Ask for a new link");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email),
                    error.Code == "InvalidToken" ? "This reset link has expired or been used. Ask for a new link" : error.Description);
            }
            return Page();
        }
        // A new password unlocks an account locked by failed sign-ins.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = "Your password has been changed. You can now sign in.";
        return RedirectToPage("Login");
    }
}
