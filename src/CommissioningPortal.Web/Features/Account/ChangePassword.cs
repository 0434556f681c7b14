using System.Security.Claims;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Changes the signed-in person's password. A wrong current password counts towards the lockout as a
/// wrong password at sign-in does (the page is rate limited like sign-in too), so a stolen session
/// cannot be used to guess it; once locked, this session ends. The new password changes the security
/// stamp, which ends every other session of the account; this one is signed in again.
/// </summary>
public sealed class ChangePassword(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    public sealed record Input(string? OldPassword, string? NewPassword, string? ConfirmPassword);

    /// <summary>Done with <see cref="SignedOut"/> true: too many wrong passwords locked the account and ended this session.</summary>
    public sealed record Outcome(bool SignedOut);

    public async Task<UseCaseResult<Outcome>> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(input.OldPassword)) errors.Add(new(nameof(Input.OldPassword), "Enter your current password"));
        AccountInput.NewPassword(errors, nameof(Input.NewPassword), nameof(Input.ConfirmPassword), input.NewPassword, input.ConfirmPassword,
            "Enter a new password", "Your new password must be at least 10 characters", "Confirm your new password", "The new passwords do not match");
        if (await users.GetUserAsync(actor) is not { } user) return UseCaseResult<Outcome>.Invalid("", "Sign in again to change your password");
        if (string.IsNullOrEmpty(input.OldPassword)) return UseCaseResult<Outcome>.Invalid(errors);

        var check = await signIn.CheckPasswordSignInAsync(user, input.OldPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await signIn.SignOutAsync();
            return UseCaseResult<Outcome>.Done(new Outcome(SignedOut: true));
        }
        if (!check.Succeeded) errors.Insert(0, new(nameof(Input.OldPassword), "Your current password is not right"));
        if (errors.Count > 0) return UseCaseResult<Outcome>.Invalid(errors);

        var changed = await users.ChangePasswordAsync(user, input.OldPassword, input.NewPassword!);
        if (!changed.Succeeded)
        {
            return UseCaseResult<Outcome>.Invalid(changed.Errors.Select(e => new FieldError(
                e.Code == "PasswordMismatch" ? nameof(Input.OldPassword) : nameof(Input.NewPassword),
                e.Code == "PasswordMismatch" ? "Your current password is not right" : e.Description)).ToList());
        }
        await signIn.RefreshSignInAsync(user);
        return UseCaseResult<Outcome>.Done(new Outcome(SignedOut: false));
    }
}
