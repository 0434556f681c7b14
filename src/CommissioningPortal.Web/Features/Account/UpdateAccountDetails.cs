using System.Security.Claims;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>Changes the signed-in person's name and phone number.</summary>
public sealed class UpdateAccountDetails(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    public sealed record Input(string? DisplayName, string? PhoneNumber);

    public async Task<UseCaseResult> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = AccountInput.Name(errors, nameof(Input.DisplayName), input.DisplayName);
        var phone = AccountInput.Phone(errors, nameof(Input.PhoneNumber), input.PhoneNumber);
        if (errors.Count > 0 || name is null) return UseCaseResult.Invalid(errors);
        if (await users.GetUserAsync(actor) is not { } user) return UseCaseResult.Invalid("", "Sign in again to change your details");

        user.DisplayName = name;
        user.PhoneNumber = phone;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return UseCaseResult.Invalid(nameof(Input.DisplayName), "Someone else changed your account at the same time. Check the details and save again");
        }
        await signIn.RefreshSignInAsync(user); // the name shown in the header comes from the cookie
        return UseCaseResult.Done;
    }
}
