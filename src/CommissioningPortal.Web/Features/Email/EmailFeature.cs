namespace CommissioningPortal.Web.Features.Email;

/// <summary>E-mail through a durable outbox, dispatched by SendGrid or written as .eml files.</summary>
public static class EmailFeature
{
    public static WebApplicationBuilder AddEmailFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IEmailOutbox, EmailOutbox>();
        return builder;
    }
}
