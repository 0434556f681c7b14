using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// "Your data" for a Personal Assistant or micro-provider: download everything held about you as
/// JSON, or close your account (after confirming by typing the provider's name).
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class MyDataModel(PortalDbContext db, ProviderDataRights rights, SignInManager<PortalUser> signIn, TimeProvider clock) : PageModel
{
    public Provider Provider { get; private set; } = null!;

    /// <summary>The provider's name, typed to confirm closing the account.</summary>
    [BindProperty] public string? ConfirmName { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var now = clock.GetUtcNow();
        var json = await rights.ExportAsync(Provider, ProviderDirectory.Shortlists.UserIdOf(User), now, ct);
        return File(json, "application/json", $"my-data-{now:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(ConfirmName))
        {
            ModelState.AddModelError(nameof(ConfirmName), $"Type {Provider.Name} to confirm you want to close your account.");
        }
        else if (!string.Equals(ConfirmName.Trim(), Provider.Name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(ConfirmName), $"What you typed does not match {Provider.Name}. Type the name exactly as shown to close your account.");
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await rights.CloseAsync(Provider.Id, clock.GetUtcNow(), ct);
        await signIn.SignOutAsync();
        return Redirect("/provider/my-data/closed");
    }

    /// <summary>Null when the page may be used; otherwise the response that refuses it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var found = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (found is null) return NotFound();
        Provider = found;
        return ProviderDataRights.MayUse(found) ? null : Forbid();
    }
}
