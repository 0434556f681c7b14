using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// A provider's own home and data (<c>/provider</c>), its data rights, and "Improve this listing": the
/// public suggests a correction from a provider's profile (<see cref="SuggestCorrection"/>), the provider
/// resolves it with a note (<see cref="ResolveCorrection"/>).
/// </summary>
public static class ProvidersFeature
{
    public static WebApplicationBuilder AddProvidersFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProviderDataRights>();
        builder.Services.AddScoped<SuggestCorrection>();
        builder.Services.AddScoped<ResolveCorrection>();
        return builder.AddNavigation(new NavigationItem("/provider", "Your organisation", 50) { Roles = [Roles.ProviderUser] });
    }
}
