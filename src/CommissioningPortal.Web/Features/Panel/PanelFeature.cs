namespace CommissioningPortal.Web.Features.Panel;

/// <summary>The lived-experience panel member's work (<c>/panel</c>).</summary>
public static class PanelFeature
{
    public static WebApplicationBuilder AddPanelFeature(this WebApplicationBuilder builder) =>
        builder.AddNavigation(new NavigationItem("/panel", "Panel", 80) { Policy = Policies.PanelMember });
}
