namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// The public provider directory (<c>/directory</c>), providers' profiles and shortlists. In the menu for
/// everyone, signed in or not: finding support should never depend on knowing an address.
/// </summary>
public static class ProviderDirectoryFeature
{
    public static WebApplicationBuilder AddProviderDirectoryFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DirectoryIndex>();
        builder.Services.AddHostedService<DirectoryIndexWarmUp>();
        builder.Services.AddScoped<DirectorySearch>();
        builder.Services.AddScoped<FrameworkDirectory>();
        builder.Services.AddScoped<Shortlists>();
        builder.Services.AddScoped<PassportSummaries>();
        builder.Services.AddScoped<ProviderSeeder>();
        return builder.AddNavigation(new NavigationItem("/directory", "Find support", 20));
    }
}
