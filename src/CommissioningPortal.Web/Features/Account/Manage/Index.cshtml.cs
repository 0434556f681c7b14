using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Account.Manage;

[Authorize]
public sealed class IndexModel(UserManager<PortalUser> users, UpdateAccountDetails update) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? PhoneNumber { get; set; }

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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await update.HandleAsync(new(DisplayName, PhoneNumber), User, ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "Your details have been saved.";
            return RedirectToPage();
        }
        await LoadAsync(user);
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.DisplayName).ToList();
    }
}
