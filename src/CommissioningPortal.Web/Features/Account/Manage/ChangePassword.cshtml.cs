using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account.Manage;

/// <summary>Rate limited like sign-in: guessing the current password here is guessing a password.</summary>
[Authorize]
[EnableRateLimiting(PortalApplication.SignInRateLimit)]
public sealed class ChangePasswordModel(ChangePassword change) : PageModel
{
    [BindProperty] public string? OldPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await change.HandleAsync(new(OldPassword, NewPassword, ConfirmPassword), User, ct);
        if (result is { Succeeded: true, Value.SignedOut: true })
        {
            TempData["StatusMessage"] = "Your account is locked for 15 minutes because the current password was wrong too many times. You have been signed out.";
            return RedirectToPage("/Account/Login");
        }
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "Your password has been changed. You have been signed out everywhere else.";
            return RedirectToPage("Index");
        }
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }
}
