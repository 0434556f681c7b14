using System.Net;
using CommissioningPortal.Data.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CommissioningPortal.Web.Features.Email;

/// <summary>How a message leaves the portal.</summary>
public interface IEmailTransport
{
    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct);
}

public enum SendOutcome { Sent, Retry, PermanentFailure }

public sealed record SendResult(SendOutcome Outcome, string? Error = null)
{
    public static readonly SendResult Sent = new(SendOutcome.Sent);
}

/// <summary>
/// Writes each message as an RFC 5322 .eml file named by its outbox id. A file that already exists
/// is never written again, so a message retried after a crash still appears once.
/// </summary>
public sealed class PickupFolderEmailTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment) : IEmailTransport
{
    public string Folder { get; } = Path.GetFullPath(options.Value.MailFolder, environment.ContentRootPath);

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(message));
        if (File.Exists(path)) return SendResult.Sent;

        var temp = Path.Combine(Folder, $".{message.Id:N}.{Guid.NewGuid():N}.tmp");
        await using (var stream = File.Create(temp))
        {
            await ToMime(message, options.Value).WriteToAsync(stream, ct);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // another dispatcher wrote it first: still exactly one copy
        }
        return SendResult.Sent;
    }

    public static string FileName(OutboxMessage message) => $"{message.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss}-{message.Id:N}.eml";

    public static MimeMessage ToMime(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@commissioning-portal",
            Date = message.CreatedAt,
            Subject = message.Subject,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Headers.Add("X-Portal-Message-Id", message.Id.ToString("N"));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Sends through SendGrid's v3 API. 2xx: sent; 429 and 5xx: try again later; other 4xx: give up.</summary>
public sealed class SendGridEmailTransport(IHttpClientFactory httpClients, IOptions<SendGridOptions> sendGrid, IOptions<EmailOptions> options) : IEmailTransport
{
    public const string HttpClientName = "sendgrid";

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = sendGrid.Value.ApiKey,
            Host = string.IsNullOrWhiteSpace(sendGrid.Value.Host) ? "https://api.sendgrid.com" : sendGrid.Value.Host.TrimEnd('/'),
        });
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(options.Value.From, options.Value.FromName),
            new EmailAddress(message.ToAddress, message.ToName),
            message.Subject, message.TextBody, message.HtmlBody);
        mail.AddCustomArg("portal_message_id", message.Id.ToString("N"));
        mail.AddHeader("X-Portal-Message-Id", message.Id.ToString("N"));
        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, ct);
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Retry, e.Message);
        }
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300) return SendResult.Sent;
        var detail = $"SendGrid answered {status} {response.StatusCode}";
        return status == (int)HttpStatusCode.TooManyRequests || status >= 500
            ? new SendResult(SendOutcome.Retry, detail)
            : new SendResult(SendOutcome.PermanentFailure, detail);
    }
}
