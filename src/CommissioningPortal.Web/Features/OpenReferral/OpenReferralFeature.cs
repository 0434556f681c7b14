namespace CommissioningPortal.Web.Features.OpenReferral;

/// <summary>The Open Referral UK (HSDS 3.0) read-only API under <c>/api/openreferral</c>.</summary>
public static class OpenReferralFeature
{
    public static WebApplicationBuilder AddOpenReferralFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenReferral();
        return builder;
    }

    public static WebApplication MapOpenReferralFeature(this WebApplication app)
    {
        app.MapOpenReferral();
        return app;
    }
}
