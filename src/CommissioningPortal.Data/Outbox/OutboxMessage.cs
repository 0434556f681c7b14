namespace CommissioningPortal.Data.Outbox;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the change that causes it;
/// a background dispatcher claims, sends and marks it. Never deleted, so there is a record.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset CreatedAt { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>Why it was sent (e.g. "account-confirmation"); for logs and tests.</summary>
    public string? Kind { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Which dispatcher holds the message, until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when retries are exhausted; a person has to look at it.</summary>
    public bool Failed { get; set; }
}
