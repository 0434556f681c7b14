using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.Email;

/// <summary>E-mail through a durable outbox, dispatched by SendGrid or written as .eml files.</summary>
public static class EmailFeature
{
    public static WebApplicationBuilder AddEmailFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        services.Configure<SendGridOptions>(builder.Configuration.GetSection(SendGridOptions.Section));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddHttpClient(SendGridEmailTransport.HttpClientName);
        services.AddSingleton<PickupFolderEmailTransport>();
        services.AddSingleton<SendGridEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.ApiKey)
                ? sp.GetRequiredService<PickupFolderEmailTransport>()
                : sp.GetRequiredService<SendGridEmailTransport>());
        services.AddSingleton<OutboxDispatcher>();
        if (builder.Configuration.GetValue(EmailOptions.Section + ":" + nameof(EmailOptions.DispatcherEnabled), true))
        {
            services.AddHostedService<OutboxDispatcherService>();
        }
        return builder;
    }
}
