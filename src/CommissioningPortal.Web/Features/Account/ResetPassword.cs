namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Sets a new password with the link from the reset e-mail. The new password unlocks an account locked
/// by failed sign-ins and, by changing the security stamp, ends every session of the account.
/// </summary>
public sealed class ResetPassword(UserManager<PortalUser> users)
{
    public sealed record Input(string? Email, string? Code, string? Password, string? ConfirmPassword);

    public async Task<UseCaseResult> HandleAsync(Input input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var email = AccountInput.Email(errors, nameof(Input.Email), input.Email);
        AccountInput.NewPassword(errors, nameof(Input.Password), nameof(Input.ConfirmPassword), input.Password, input.ConfirmPassword,
            "Enter a new password", Messages.PasswordLength, "Confirm your new password");
        if (errors.Count > 0 || email is null) return UseCaseResult.Invalid(errors);

        var token = AccountEmails.Decode(input.Code);
        var user = await users.FindByEmailAsync(email);
        if (token is null || user is null) return UseCaseResult.Invalid(nameof(Input.Email), "This reset link is not valid for that e-mail address. Ask for a new link");
        var result = await users.ResetPasswordAsync(user, token, input.Password!);
        if (!result.Succeeded)
        {
            return UseCaseResult.Invalid(result.Errors.Select(e => new FieldError(
                e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email),
                e.Code == "InvalidToken" ? "This reset link has expired or been used. Ask for a new link" : e.Description)).ToList());
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return UseCaseResult.Done;
    }
}
