using CommissioningPortal.Domain.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>Registration, sign-in, two-factor, password reset and profile.</summary>
public static class AccountFeature
{
    public const string TwoFactorSetupPath = "/account/manage/two-factor";

    public static WebApplicationBuilder AddAccountFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AccountEmails>();
        services.AddScoped<RegisterAccount>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<ResendConfirmationEmail>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<UpdateAccountDetails>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<TurnOnTwoStepVerification>();
        services.AddScoped<TurnOffTwoStepVerification>();
        services.AddScoped<MakeNewRecoveryCodes>();
        services.AddScoped<PrepareAuthenticatorKey>();
        services.AddScoped<EndSessions>();

        // Authenticator codes are accepted once each (the step used is recorded on the account).
        services.AddScoped<OneUseAuthenticatorCodes>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[OneUseAuthenticatorCodes.Name] = new TokenProviderDescriptor(typeof(OneUseAuthenticatorCodes));
            o.Tokens.AuthenticatorTokenProvider = OneUseAuthenticatorCodes.Name;
        });
        // Every request checks the cookie against the account: sign-out, a new password or a change to
        // two-step verification ends every session at once, and a deleted or closed account can do nothing.
        services.ConfigureApplicationCookie(o => o.Events.OnValidatePrincipal = Sessions.ValidatePrincipalAsync);
        return builder.AddNavigation(
            new NavigationItem("/account/manage", "Your account", 100) { Audience = NavigationAudience.SignedIn },
            new NavigationItem("/account/login", "Sign in", 100) { Audience = NavigationAudience.SignedOut },
            new NavigationItem("/account/register", "Register", 101) { Audience = NavigationAudience.SignedOut });
    }

    /// <summary>
    /// Authority staff and administrators must use an authenticator app: until they have set one
    /// up, every page except the account pages sends them to the set-up page.
    /// </summary>
    public static WebApplication UseAccountFeature(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true &&
                Roles.RequireTwoFactor.Any(user.IsInRole) &&
                user.FindFirst(PortalClaims.TwoFactorEnabled)?.Value != "true" &&
                !IsExempt(context.Request.Path))
            {
                var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
                tempData["StatusMessage"] = "Your role needs two-step verification. Set up an authenticator app to continue.";
                tempData.Save();
                context.Response.Redirect(TwoFactorSetupPath);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/health") ||
        path.StartsWithSegments("/error") || path.StartsWithSegments("/cookies") || path.StartsWithSegments("/pages") ||
        path == "/" || Path.HasExtension(path.Value);
}

/// <summary>Where each role lands after signing in.</summary>
public static class RoleHome
{
    public static string For(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) ? "/admin"
        : Roles.AuthorityStaff.Any(user.IsInRole) ? "/authority"
        : user.IsInRole(Roles.ProviderUser) ? "/provider"
        : user.IsInRole(Roles.SupportedPerson) || user.IsInRole(Roles.Representative) ? "/my-support"
        : user.IsInRole(Roles.PanelMember) ? "/panel"
        : "/";
}
