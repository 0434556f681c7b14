namespace CommissioningPortal.Web.Features.Requests;

/// <summary>Requests and offers (issue 17, part 5): anonymised requests, matching providers told, offers compared by fit, the choice.</summary>
public static class RequestsFeature
{
    /// <summary>Configuration switch for flagging requests with no offer in the authority's target time (on unless set to false).</summary>
    public const string UnmetDemandEnabledKey = "Requests:UnmetDemandEnabled";

    public static WebApplicationBuilder AddRequestsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScheduledWork<FlagUnmetDemand>(TimeSpan.FromHours(1), builder.Configuration.GetValue(UnmetDemandEnabledKey, true));
        builder.Services.AddScoped<RequestMatching>();
        builder.Services.AddScoped<PostRequest>();
        builder.Services.AddScoped<MakeOffer>();
        builder.Services.AddScoped<ChooseOffer>();
        return builder.AddNavigation(new NavigationItem("/requests", "Requests", 45) { Policy = Policies.ProviderUser });
    }
}
