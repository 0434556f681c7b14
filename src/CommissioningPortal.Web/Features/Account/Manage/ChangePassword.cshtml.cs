
namespace CommissioningPortal.Web.Features.Account.Manage;

[Authorize]
public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password")]
    public string? OldPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password"), StringLength(200, MinimumLength = 10, ErrorMessage = "Your new password must be at least 10 characters")]
    public string? NewPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Confirm your new password"), Compare(nameof(NewPassword), ErrorMessage = "The new passwords do not match")]
    public string? ConfirmPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await users.ChangePasswordAsync(user, OldPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(OldPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Your password has been changed.";
        return RedirectToPage("Index");
    }
}
