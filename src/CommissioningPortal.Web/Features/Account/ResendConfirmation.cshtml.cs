using System.ComponentModel.DataAnnotations;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class ResendConfirmationModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address"), EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@example.com")]
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
