namespace CommissioningPortal.Web.Features.Email;

/// <summary>"Email" section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "no-reply@portal.example";
    public string FromName { get; set; } = "Commissioning Portal";

    /// <summary>Where .eml files go when there is no SendGrid key; relative to the content root.</summary>
    public string MailFolder { get; set; } = "App_Data/mail";

    public bool DispatcherEnabled { get; set; } = true;
    public double PollSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher holds a message it is sending before another may take it.</summary>
    public double LeaseSeconds { get; set; } = 120;
}

/// <summary>"SendGrid" section.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";
    public string? ApiKey { get; set; }

    /// <summary>
    /// SendGrid's API address: empty for the global <c>https://api.sendgrid.com</c>; <c>https://api.eu.sendgrid.com</c>
    /// keeps mail data in the EU (a subuser created for EU residency).
    /// </summary>
    public string? Host { get; set; }
}
