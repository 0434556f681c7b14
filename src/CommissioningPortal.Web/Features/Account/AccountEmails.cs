using System.Text;
using CommissioningPortal.Web.Features.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>The account e-mails, queued in the outbox (saved by the caller's SaveChanges).</summary>
public sealed class AccountEmails(UserManager<PortalUser> users, IEmailOutbox outbox, PublicLinks links)
{
    private string BaseUrl => links.BaseUrl;

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    public async Task QueueConfirmationAsync(PortalUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = $"{BaseUrl}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, "Confirm your e-mail address for the Commissioning Portal",
            $"Hello {user.DisplayName},\n\nConfirm your e-mail address to finish creating your account:\n\n{link}\n\n" +
            "If you did not create an account, you can ignore this e-mail.\n\nCommissioning Portal",
            null, "account-confirmation"));
    }

    public void QueueAlreadyRegistered(string email)
    {
        outbox.Enqueue(new EmailMessage(email, null, "Someone tried to register with your e-mail address",
            $"Someone tried to create a Commissioning Portal account with this e-mail address, which already has one.\n\n" +
            $"If it was you, sign in at {BaseUrl}/account/login or reset your password at {BaseUrl}/account/forgot-password.\n\n" +
            "If it was not you, you do not need to do anything.\n\nCommissioning Portal",
            null, "account-already-registered"));
    }

    public async Task QueuePasswordResetAsync(PortalUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = $"{BaseUrl}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, "Reset your Commissioning Portal password",
            $"Hello {user.DisplayName},\n\nUse this link to choose a new password. It works once and expires in one day:\n\n{link}\n\n" +
            "If you did not ask to reset your password, you can ignore this e-mail.\n\nCommissioning Portal",
            null, "password-reset"));
    }
}
