namespace CommissioningPortal.Web.Features.Templates;

/// <summary>An authority's agreement templates (<c>/authority/{code}/templates</c>): its use cases.</summary>
public static class TemplatesFeature
{
    public static WebApplicationBuilder AddTemplatesFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuthorityTemplates>();
        builder.Services.AddScoped<StartTemplateDraft>();
        builder.Services.AddScoped<SaveTemplateDraft>();
        builder.Services.AddScoped<PublishTemplate>();
        return builder;
    }
}
