namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// Opportunities (issue 15): what authorities put to the market. This first slice is the public
/// side — the list of published opportunities and a page for each; commissioners' use cases follow.
/// </summary>
public static class OpportunitiesFeature
{
    public static WebApplicationBuilder AddOpportunitiesFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublishedOpportunities>();
        return builder.AddNavigation(new NavigationItem("/opportunities", "Opportunities", 25));
    }
}
