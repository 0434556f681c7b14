namespace CommissioningPortal.Web.Features.Admin;

/// <summary>Portal administration (<c>/admin</c>): authorities, users and content pages. Administrators only.</summary>
public static class AdminFeature
{
    public static WebApplicationBuilder AddAdminFeature(this WebApplicationBuilder builder) =>
        builder.AddNavigation(new NavigationItem("/admin", "Administration", 90) { Policy = Policies.Administrator });
}
