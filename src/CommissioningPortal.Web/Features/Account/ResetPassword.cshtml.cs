
namespace CommissioningPortal.Web.Features.Account;

public sealed class ResetPasswordModel(ResetPassword reset) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
        ModelState.Clear(); // arriving from the e-mail link is not a failed submission
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await reset.HandleAsync(new(Email, Code, Password, ConfirmPassword), ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return this.BadRequestPage();
        }
        TempData["StatusMessage"] = "Your password has been changed. You can now sign in.";
        return RedirectToPage("Login");
    }
}
