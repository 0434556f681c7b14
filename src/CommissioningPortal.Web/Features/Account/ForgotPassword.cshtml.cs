using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class ForgotPasswordModel(RequestPasswordReset reset) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await reset.HandleAsync(new(Email), ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return this.BadRequestPage();
        }
        Sent = true; // the same answer whether or not the account exists
        return Page();
    }
}
