namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// The defences found missing by probing (issue 12), registered in one place: links in e-mails from
/// configuration only, plain numbers, no hidden control characters in text, one-time form tokens.
/// Sessions and one-use authenticator codes belong to the account feature (<c>AddAccountFeature</c>).
/// </summary>
public static class PortalSecurity
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        PublicLinks.Configure(builder);
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<FormSubmissions>();
        services.AddSingleton<OneTimeFormFilter>();
        services.Configure<MvcOptions>(o =>
        {
            o.ModelBinderProviders.Insert(0, new PlainNumberBinderProvider());
            o.Filters.Add(new UnwantedCharacterFilter());
            o.Filters.AddService<OneTimeFormFilter>();
        });
        return builder;
    }
}
