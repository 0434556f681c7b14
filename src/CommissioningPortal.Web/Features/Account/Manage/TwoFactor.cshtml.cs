using System.Text;
using CommissioningPortal.Domain.Identity;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace CommissioningPortal.Web.Features.Account.Manage;

/// <summary>Authenticator-app two-step verification: set up, recovery codes, and (where allowed) turn off.</summary>
[Authorize]
[EnableRateLimiting(PortalApplication.SignInRateLimit)]
public sealed class TwoFactorModel(UserManager<PortalUser> users, PrepareAuthenticatorKey prepareKey) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool MustUseTwoFactor { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([FromServices] TurnOnTwoStepVerification turnOn, CancellationToken ct)
    {
        var result = await turnOn.HandleAsync(new(Code), User, ct);
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            await LoadAsync(user, ct);
            return this.BadRequestPage();
        }
        await LoadAsync(user, ct);
        RecoveryCodes = result.Value!;
        TempData["StatusMessage"] = "Two-step verification is on. You have been signed out everywhere else.";
        return Page();
    }

    public async Task<IActionResult> OnPostResetRecoveryCodesAsync([FromServices] MakeNewRecoveryCodes makeNew, CancellationToken ct)
    {
        var result = await makeNew.HandleAsync(User, ct);
        if (!result.Succeeded || await users.GetUserAsync(User) is not { } user) return RedirectToPage();
        await LoadAsync(user, ct);
        RecoveryCodes = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync([FromServices] TurnOffTwoStepVerification turnOff, CancellationToken ct)
    {
        var result = await turnOff.HandleAsync(User, ct);
        TempData["StatusMessage"] = result.Succeeded ? "Two-step verification is off. You have been signed out everywhere else." : result.Errors[0].Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(PortalUser user, CancellationToken ct)
    {
        Enabled = user.TwoFactorEnabled;
        MustUseTwoFactor = Roles.RequireTwoFactor.Any(User.IsInRole);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled) return;

        var key = await prepareKey.HandleAsync(user, ct);
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
