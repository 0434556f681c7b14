using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Account.Manage;

[Authorize]
public sealed class IndexModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your name"), StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
    public string? DisplayName { get; set; }

    [BindProperty, Phone(ErrorMessage = "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    public string? PhoneNumber { get; set; }

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        DisplayName = user.DisplayName;
        PhoneNumber = user.PhoneNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        if (!ModelState.IsValid) return Page();
        user.DisplayName = DisplayName!.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(PhoneNumber) ? null : PhoneNumber.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(DisplayName), "Someone else changed your account at the same time. Check the details and save again");
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Your details have been saved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.DisplayName).ToList();
    }
}
