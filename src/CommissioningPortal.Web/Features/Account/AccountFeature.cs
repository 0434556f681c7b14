namespace CommissioningPortal.Web.Features.Account;

/// <summary>Registration, sign-in, two-factor, password reset and profile.</summary>
public static class AccountFeature
{
    public static WebApplicationBuilder AddAccountFeature(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseAccountFeature(this WebApplication app) => app;
}
