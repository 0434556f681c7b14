using CommissioningPortal.Data.Outbox;

namespace CommissioningPortal.Web.Features.Email;

/// <summary>An e-mail to send: plain text always, HTML optionally.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string? HtmlBody, string Kind);

/// <summary>
/// Queues e-mail in the durable outbox. <see cref="Enqueue"/> only adds the message to the current
/// unit of work: it is written by the caller's own SaveChanges, in the same transaction as the
/// change that caused it, so a change is never saved without its e-mail nor an e-mail without it.
/// </summary>
public interface IEmailOutbox
{
    OutboxMessage Enqueue(EmailMessage message);
}

internal sealed class EmailOutbox(PortalDbContext db, TimeProvider clock) : IEmailOutbox
{
    public OutboxMessage Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            ToAddress = message.To,
            ToName = message.ToName,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Kind = message.Kind,
        };
        db.OutboxMessages.Add(row);
        return row;
    }
}
