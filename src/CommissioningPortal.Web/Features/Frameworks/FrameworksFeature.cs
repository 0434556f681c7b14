namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// Commissioners' frameworks: create a draft, add lots, admit providers, make live, end, and change a
/// provider's standing on a lot — each write one use case in this folder.
/// </summary>
public static class FrameworksFeature
{
    public static WebApplicationBuilder AddFrameworksFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FrameworkChanges>();
        builder.Services.AddScoped<CreateFramework>();
        builder.Services.AddScoped<AddLot>();
        builder.Services.AddScoped<AdmitProvider>();
        builder.Services.AddScoped<ChangeFrameworkStatus>();
        builder.Services.AddScoped<ChangeMemberStanding>();
        builder.Services.AddScoped<OpenRound>();
        builder.Services.AddScoped<CloseRound>();
        builder.Services.AddScoped<RevisePrice>();
        builder.Services.AddScoped<CallOffs>();
        return builder.AddNavigation(new NavigationItem("/frameworks", "Frameworks", 41) { Policy = Policies.Commissioner });
    }
}
