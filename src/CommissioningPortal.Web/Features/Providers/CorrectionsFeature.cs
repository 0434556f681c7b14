namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// "Improve this listing": the public suggests a correction from a provider's profile
/// (<see cref="SuggestCorrection"/>), the provider resolves it with a note (<see cref="ResolveCorrection"/>).
/// </summary>
public static class CorrectionsFeature
{
    public static WebApplicationBuilder AddCorrections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SuggestCorrection>();
        builder.Services.AddScoped<ResolveCorrection>();
        return builder;
    }
}
