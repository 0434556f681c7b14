namespace CommissioningPortal.Web.Features.Content;

/// <summary>Content pages in Markdown, rendered through the theme's Liquid templates.</summary>
public static class ContentFeature
{
    public static WebApplicationBuilder AddContentFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentRenderer>();
        builder.Services.AddScoped<ContentPages>();
        return builder;
    }

    public static WebApplication MapContentFeature(this WebApplication app) => app;
}
