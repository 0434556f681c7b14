using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class ResendConfirmationModel(ResendConfirmationEmail resend) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await resend.HandleAsync(new(Email), ct);
        if (result.Succeeded) return RedirectToPage("CheckEmail");
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }
}
