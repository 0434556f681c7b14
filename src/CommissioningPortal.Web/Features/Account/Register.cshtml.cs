using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
[OneTimeForm]
public sealed class RegisterModel(RegisterAccount register) : PageModel
{
    public static IReadOnlyList<(string Value, string Text)> AccountTypes => RegisterAccount.AccountTypes;

    [BindProperty] public string? AccountType { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>An invitation's link fills in the address and who they are (<c>?Email=…&amp;AccountType=…</c>).</summary>
    public void OnGet(string? email, string? accountType)
    {
        Email = email;
        AccountType = AccountTypes.Any(t => t.Value == accountType) ? accountType : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await register.HandleAsync(new(AccountType, DisplayName, Email, Password, ConfirmPassword), ct);
        if (result.Succeeded) return RedirectToPage("CheckEmail");
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }
}
