using System.Security.Cryptography;
using System.Text;
using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Tendering;

public enum ResponseStatus
{
    /// <summary>Being written; the provider may change it until the deadline.</summary>
    Draft = 0,

    /// <summary>Sent, with a receipt. Withdraw it to change it.</summary>
    Submitted = 1,

    /// <summary>Taken back before the deadline: a draft again, not counted unless submitted again.</summary>
    Withdrawn = 2,
}

/// <summary>
/// A provider's response to an opportunity: the envelope only (who, when, its state and receipt). What it says
/// — answers, prices, documents — is in <see cref="TenderAnswer"/>, <see cref="TenderPrice"/> and
/// <see cref="TenderDocument"/>, which the data layer seals until two of the authority's users have opened the
/// responses after the deadline (ADR 0019). One response per provider per opportunity.
/// </summary>
public sealed class TenderResponse : IVersioned
{
    private TenderResponse()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public Guid ProviderId { get; private set; }
    public ResponseStatus Status { get; private set; }

    /// <summary>Answered on the short form (micro-provider or Personal Assistant, below the commissioner's value).</summary>
    public bool ShortForm { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReceiptSha256 { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>When the reminder a week before the deadline went, if it has (claimed once by a conditional update: see <see cref="DeadlineReminders"/>).</summary>
    public DateTimeOffset? RemindedWeekBeforeAt { get; private set; }

    /// <summary>When the reminder a day before the deadline went, if it has.</summary>
    public DateTimeOffset? RemindedDayBeforeAt { get; private set; }

    public int Version { get; set; }

    public static TenderResponse Start(Guid opportunityId, Guid providerId, bool shortForm, DateTimeOffset now, DateTimeOffset? deadline)
    {
        if (deadline is null || now > deadline) throw new TenderingRuleException(DeadlinePassed(deadline));
        return new TenderResponse { OpportunityId = opportunityId, ProviderId = providerId, ShortForm = shortForm, StartedAt = now, UpdatedAt = now };
    }

    public bool IsEditable => Status is ResponseStatus.Draft or ResponseStatus.Withdrawn;

    /// <summary>Refuses a change to the draft when it has been submitted or the deadline has passed.</summary>
    public void RequireEditable(DateTimeOffset now, DateTimeOffset? deadline)
    {
        if (deadline is null || now > deadline) throw new TenderingRuleException(DeadlinePassed(deadline));
        if (!IsEditable) throw new TenderingRuleException("Your response has been submitted. Withdraw it first if you want to change it; you can submit it again before the deadline.");
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Submits the draft; <paramref name="sha256"/> is <see cref="ResponseReceipt.Hash"/> of exactly what is sent.</summary>
    public void Submit(DateTimeOffset now, DateTimeOffset? deadline, bool opened, string sha256)
    {
        if (opened || deadline is null || now > deadline) throw new TenderingRuleException(DeadlinePassed(deadline));
        if (!IsEditable) throw new TenderingRuleException("This response has already been submitted.");
        Status = ResponseStatus.Submitted;
        SubmittedAt = now;
        ReceiptSha256 = sha256;
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now, DateTimeOffset? deadline)
    {
        if (deadline is null || now > deadline) throw new TenderingRuleException("The deadline has passed: a submitted response can no longer be withdrawn.");
        if (Status != ResponseStatus.Submitted) throw new TenderingRuleException("Only a submitted response can be withdrawn.");
        Status = ResponseStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    public static string DeadlinePassed(DateTimeOffset? deadline) => deadline is { } d
        ? $"The deadline for responses was {d.UtcDateTime:d MMMM yyyy 'at' HH:mm:ss} UTC and it has passed, so the portal cannot accept a submission now. Your draft has been kept."
        : "This opportunity is not taking responses.";
}

/// <summary>What a response says, as opposed to its envelope: sealed by the data layer until the responses are opened (ADR 0019).</summary>
public interface ISealedContent
{
    Guid ResponseId { get; }
    Guid OpportunityId { get; }
}

/// <summary>An answer to one question: sealed content (ADR 0019).</summary>
public sealed class TenderAnswer : ISealedContent
{
    private TenderAnswer()
    {
    }

    public TenderAnswer(TenderResponse response, Guid questionId, string? text)
    {
        ResponseId = response.Id;
        OpportunityId = response.OpportunityId;
        QuestionId = questionId;
        Text = Clean(text);
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ResponseId { get; private set; }
    public Guid OpportunityId { get; private set; }
    public Guid QuestionId { get; private set; }
    public string? Text { get; private set; }

    public void Change(string? text) => Text = Clean(text);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}

/// <summary>A price for one line of the price schedule: sealed content (ADR 0019).</summary>
public sealed class TenderPrice : ISealedContent
{
    private TenderPrice()
    {
    }

    public TenderPrice(TenderResponse response, Guid priceLineId, long? amountPence)
    {
        ResponseId = response.Id;
        OpportunityId = response.OpportunityId;
        PriceLineId = priceLineId;
        Change(amountPence);
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ResponseId { get; private set; }
    public Guid OpportunityId { get; private set; }
    public Guid PriceLineId { get; private set; }
    public long? AmountPence { get; private set; }

    public void Change(long? amountPence)
    {
        if (amountPence is < 0) throw new TenderingRuleException("A price cannot be less than zero.");
        AmountPence = amountPence;
    }
}

/// <summary>A document attached for one required document: sealed content (ADR 0019). Its bytes are kept in the row.</summary>
public sealed class TenderDocument : ISealedContent
{
    private TenderDocument()
    {
    }

    public TenderDocument(TenderResponse response, Guid requiredDocumentId, string fileName, string contentType, byte[] content)
    {
        ResponseId = response.Id;
        OpportunityId = response.OpportunityId;
        RequiredDocumentId = requiredDocumentId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ResponseId { get; private set; }
    public Guid OpportunityId { get; private set; }
    public Guid RequiredDocumentId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}

/// <summary>The SHA-256 a receipt quotes: of a canonical text of everything submitted, so the provider can prove what they sent.</summary>
public static class ResponseReceipt
{
    public static string Hash(TenderResponse response, DateTimeOffset at, IEnumerable<TenderAnswer> answers, IEnumerable<TenderPrice> prices, IEnumerable<(Guid RequiredDocumentId, string Sha256)> documents)
    {
        var text = new StringBuilder();
        text.Append("opportunity ").Append(response.OpportunityId).Append('\n');
        text.Append("provider ").Append(response.ProviderId).Append('\n');
        text.Append("submitted ").Append(at.UtcDateTime.ToString("O")).Append('\n');
        foreach (var a in answers.OrderBy(a => a.QuestionId)) text.Append("answer ").Append(a.QuestionId).Append(' ').Append(a.Text?.Length ?? 0).Append(':').Append(a.Text).Append('\n');
        foreach (var p in prices.OrderBy(p => p.PriceLineId)) text.Append("price ").Append(p.PriceLineId).Append(' ').Append(p.AmountPence).Append('\n');
        foreach (var d in documents.OrderBy(d => d.RequiredDocumentId).ThenBy(d => d.Sha256)) text.Append("document ").Append(d.RequiredDocumentId).Append(' ').Append(d.Sha256).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// The two openings an opportunity's responses need after its deadline: two different users of the authority,
/// each recorded with the time. Until the second, the data layer returns no response content to anyone (ADR 0019).
/// </summary>
public sealed class ResponseOpening : IVersioned
{
    private ResponseOpening()
    {
    }

    public static ResponseOpening For(Guid opportunityId, Guid authorityId) => new() { OpportunityId = opportunityId, AuthorityId = authorityId };

    public Guid OpportunityId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public string? FirstOpenedById { get; private set; }
    public string? FirstOpenedByName { get; private set; }
    public DateTimeOffset? FirstOpenedAt { get; private set; }
    public string? SecondOpenedById { get; private set; }
    public string? SecondOpenedByName { get; private set; }
    public DateTimeOffset? SecondOpenedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => SecondOpenedAt is not null;

    /// <summary>Records one user's opening; the responses open at the second, by a different user.</summary>
    public void Open(string userId, string name, DateTimeOffset now, DateTimeOffset? deadline)
    {
        if (deadline is not { } d || now <= d)
            throw new TenderingRuleException(deadline is { } dl
                ? $"Responses stay sealed until the deadline, {dl.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC. Nobody can open them before then."
                : "This opportunity has no submission deadline, so its responses cannot be opened.");
        if (IsOpen) throw new TenderingRuleException("The responses are already open.");
        if (FirstOpenedAt is null)
        {
            FirstOpenedById = userId;
            FirstOpenedByName = name;
            FirstOpenedAt = now;
            return;
        }
        if (FirstOpenedById == userId)
            throw new TenderingRuleException("You have already opened the responses. A second colleague must open them too before anyone can read them.");
        SecondOpenedById = userId;
        SecondOpenedByName = name;
        SecondOpenedAt = now;
    }
}

/// <summary>The two reminders a provider with an unsubmitted draft gets before the submission deadline.</summary>
public enum ReminderStage
{
    /// <summary>Seven days before the deadline.</summary>
    WeekBefore = 7,

    /// <summary>One day before the deadline.</summary>
    DayBefore = 1,
}

/// <summary>
/// When a draft's deadline reminders are due. Each stage goes at most once per response (the time it went is kept on
/// the response). A stage is due from its mark (7 days, 1 day before the deadline) until the next mark, and only to a
/// draft that already existed at the mark: a provider who starts two days before the deadline is not told "a week to go".
/// A week reminder missed (say the portal was down) is not sent late inside the last day; the day reminder is.
/// </summary>
public static class DeadlineReminders
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays((int)ReminderStage.WeekBefore);

    public static DateTimeOffset Mark(ReminderStage stage, DateTimeOffset deadline) => deadline - TimeSpan.FromDays((int)stage);

    /// <summary>The reminder due now for this response, or null. Submitted responses get none.</summary>
    public static ReminderStage? Due(TenderResponse response, DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } d || now >= d || !response.IsEditable) return null;
        var day = Mark(ReminderStage.DayBefore, d);
        var week = Mark(ReminderStage.WeekBefore, d);
        if (now >= day) return response.RemindedDayBeforeAt is null && response.StartedAt <= day ? ReminderStage.DayBefore : null;
        if (now >= week) return response.RemindedWeekBeforeAt is null && response.StartedAt <= week ? ReminderStage.WeekBefore : null;
        return null;
    }
}
