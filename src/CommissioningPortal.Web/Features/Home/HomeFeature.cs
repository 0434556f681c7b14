namespace CommissioningPortal.Web.Features.Home;

/// <summary>The home page: what the portal is, and a way in for each of its three groups of people.</summary>
public static class HomeFeature
{
    public static WebApplicationBuilder AddHomeFeature(this WebApplicationBuilder builder) =>
        builder.AddNavigation(new NavigationItem("/", "Home", 0));
}
