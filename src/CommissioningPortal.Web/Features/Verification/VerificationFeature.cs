namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// Checking providers' passports: the verification queue for commissioners and administrators,
/// the e-mails that tell the provider the outcome, and the daily expiry job.
/// </summary>
public static class VerificationFeature
{
    /// <summary>Configuration switch for the daily expiry job (on unless set to false).</summary>
    public const string ExpiryJobEnabledKey = "Passport:ExpiryJobEnabled";

    public static WebApplicationBuilder AddVerificationFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PassportEmails>();
        builder.Services.AddScoped<DecidePassportItem>();
        builder.Services.AddSingleton<PassportExpiryJob>();
        if (builder.Configuration.GetValue(ExpiryJobEnabledKey, true)) builder.Services.AddHostedService<PassportExpiryService>();
        return builder.AddNavigation(new NavigationItem("/verification", "Passport checks", 40) { Policy = Policies.Verifier, Badge = "VerificationQueueCount" });
    }
}
