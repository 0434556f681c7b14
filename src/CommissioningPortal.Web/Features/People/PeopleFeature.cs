namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// The person's journey (issue 17): practitioners' person records and their home (<c>/people</c>),
/// the person's and representative's home (<c>/my-support</c>) with the four options side by side,
/// and the access log of every read of a record.
/// </summary>
public static class PeopleFeature
{
    public static WebApplicationBuilder AddPeopleFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LinkRepresentative>();
        builder.Services.AddScoped<PersonRecordAccess>();
        builder.Services.AddScoped<CreatePersonRecord>();
        builder.Services.AddScoped<HandOverPerson>();
        return builder
            .AddNavigation(new NavigationItem("/my-support", "My support", 70) { Policy = Policies.Person })
            .AddNavigation(new NavigationItem("/people", "People", 65) { Policy = Policies.Practitioner });
    }
}
