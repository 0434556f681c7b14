using System.Text;
using CommissioningPortal.Domain.Identity;
using QRCoder;

namespace CommissioningPortal.Web.Features.Account.Manage;

/// <summary>Authenticator-app two-step verification: set up, recovery codes, and (where allowed) turn off.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool MustUseTwoFactor { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the app shows the Commissioning Portal and try the newest code");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        TempData["StatusMessage"] = "Two-step verification is on.";
        return Page();
    }

    public async Task<IActionResult> OnPostResetRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } user) return RedirectToPage();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await LoadAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Roles.RequireTwoFactor.Any(User.IsInRole))
        {
            TempData["StatusMessage"] = "Your role needs two-step verification, so it cannot be turned off.";
            return RedirectToPage();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Two-step verification is off.";
        return RedirectToPage();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = user.TwoFactorEnabled;
        MustUseTwoFactor = Roles.RequireTwoFactor.Any(User.IsInRole);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled) return;

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Commissioning Portal")}:{Uri.EscapeDataString(user.Email ?? "")}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString("Commissioning Portal")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
