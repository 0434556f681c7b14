using CommissioningPortal.Domain.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CommissioningPortal.Web.Features.Account;

[EnableRateLimiting(PortalApplication.RegistrationRateLimit)]
public sealed class RegisterModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Text)> AccountTypes =
    [
        (Roles.SupportedPerson, "I need support for myself"),
        (Roles.Representative, "I represent someone who needs support (family, guardian or attorney)"),
        (Roles.ProviderUser, "I provide support or services (an organisation, micro-provider or Personal Assistant)"),
    ];

    [BindProperty, Required(ErrorMessage = "Choose who you are")]
    public string? AccountType { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your name"), StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = Messages.EnterEmail), EmailAddress(ErrorMessage = Messages.EmailFormat)]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a password"), StringLength(200, MinimumLength = 10, ErrorMessage = Messages.PasswordLength)]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "Confirm your password"), Compare(nameof(Password), ErrorMessage = Messages.PasswordsDiffer)]
    public string? ConfirmPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountType is not null && AccountTypes.All(t => t.Value != AccountType)) ModelState.AddModelError(nameof(AccountType), "Choose who you are");
        if (!ModelState.IsValid) return Page();

        var email = Email!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            // Don't reveal that the address is registered; tell its owner instead.
            emails.QueueAlreadyRegistered(email);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return RedirectToPage("CheckEmail");
        }

        var user = new PortalUser { UserName = email, Email = email, DisplayName = DisplayName!.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, AccountType!);
        await emails.QueueConfirmationAsync(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("CheckEmail");
    }
}
