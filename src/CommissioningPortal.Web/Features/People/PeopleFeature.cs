namespace CommissioningPortal.Web.Features.People;

/// <summary>The supported person's and representative's own pages (<c>/my-support</c>).</summary>
public static class PeopleFeature
{
    public static WebApplicationBuilder AddPeopleFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LinkRepresentative>();
        return builder.AddNavigation(new NavigationItem("/my-support", "My support", 70) { Policy = Policies.Person });
    }
}
