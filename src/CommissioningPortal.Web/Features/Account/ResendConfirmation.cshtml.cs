using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class ResendConfirmationModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty, Required(ErrorMessage = Messages.EnterEmail), EmailAddress(ErrorMessage = Messages.EmailFormat)]
    public string? Email { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Email!.Trim()) is { EmailConfirmed: false } user)
        {
            await emails.QueueConfirmationAsync(user);
            await db.SaveChangesAsync();
        }
        return RedirectToPage("CheckEmail");
    }
}
