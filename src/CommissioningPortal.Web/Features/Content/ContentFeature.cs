namespace CommissioningPortal.Web.Features.Content;

/// <summary>Content pages in Markdown, rendered through the theme's Liquid templates.</summary>
public static class ContentFeature
{
    public static WebApplicationBuilder AddContentFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentRenderer>();
        builder.Services.AddScoped<ContentPages>();
        // The administrators' writes (Features/Admin/Pages): one use case each.
        builder.Services.AddScoped<Admin.Pages.CreatePage>();
        builder.Services.AddScoped<Admin.Pages.SavePageDraft>();
        builder.Services.AddScoped<Admin.Pages.PublishPage>();
        builder.Services.AddScoped<Admin.Pages.UnpublishPage>();
        builder.Services.AddScoped<Admin.Pages.RestoreRevision>();
        // The plain-language guide to the four options is in the menu for everyone.
        return builder.AddNavigation(new NavigationItem("/pages/your-four-sds-options", "Your four SDS options", 10));
    }

    public static WebApplication MapContentFeature(this WebApplication app) => app;
}
