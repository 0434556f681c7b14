using System.Security.Claims;
using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Turns on two-step verification with the first code from the person's authenticator app and gives
/// them recovery codes. Turning it on changes the security stamp: every other session of the account
/// ends, this one is signed in again.
/// </summary>
public sealed class TurnOnTwoStepVerification(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    public sealed record Input(string? Code);

    public async Task<UseCaseResult<IReadOnlyList<string>>> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (await users.GetUserAsync(actor) is not { } user) return UseCaseResult<IReadOnlyList<string>>.Invalid("", "Sign in again to set up two-step verification");
        var code = (input.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return UseCaseResult<IReadOnlyList<string>>.Invalid(nameof(Input.Code), "Enter the 6-digit code from your authenticator app");
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return UseCaseResult<IReadOnlyList<string>>.Invalid(nameof(Input.Code), "That code is not right. Check the app shows the Commissioning Portal and try the newest code");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        return UseCaseResult<IReadOnlyList<string>>.Done(codes?.ToList() ?? []);
    }
}

/// <summary>Turns two-step verification off, where the person's roles allow it; every other session of the account ends.</summary>
public sealed class TurnOffTwoStepVerification(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (await users.GetUserAsync(actor) is not { } user) return UseCaseResult.Invalid("", "Sign in again to change two-step verification");
        if (Roles.RequireTwoFactor.Any(actor.IsInRole)) return UseCaseResult.Invalid("", "Your role needs two-step verification, so it cannot be turned off.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        return UseCaseResult.Done;
    }
}

/// <summary>Replaces the recovery codes of someone with two-step verification on.</summary>
public sealed class MakeNewRecoveryCodes(UserManager<PortalUser> users)
{
    public async Task<UseCaseResult<IReadOnlyList<string>>> HandleAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (await users.GetUserAsync(actor) is not { TwoFactorEnabled: true } user) return UseCaseResult<IReadOnlyList<string>>.Invalid("", "Turn on two-step verification first");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return UseCaseResult<IReadOnlyList<string>>.Done(codes?.ToList() ?? []);
    }
}

/// <summary>
/// The key an authenticator app is set up with, made the first time someone opens the set-up page.
/// Making the first key is not a security change, so the security stamp stays (Identity's own reset
/// would change it and end the session that is setting up).
/// </summary>
public sealed class PrepareAuthenticatorKey(UserManager<PortalUser> users, IUserStore<PortalUser> store)
{
    public async Task<string> HandleAsync(PortalUser user, CancellationToken ct)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key) return key;
        key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw new InvalidOperationException("Could not save the authenticator key: " + string.Join(" ", saved.Errors.Select(e => e.Description)));
        return key;
    }
}
