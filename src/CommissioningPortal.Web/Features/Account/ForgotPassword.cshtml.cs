using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty, Required(ErrorMessage = Messages.EnterEmail), EmailAddress(ErrorMessage = Messages.EmailFormat)]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Email!.Trim()) is { } user)
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }
        Sent = true; // the same answer whether or not the account exists
        return Page();
    }
}
