using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Tendering;

public enum ClarificationVisibility
{
    /// <summary>Not answered yet.</summary>
    Unanswered = 0,

    /// <summary>Answered to everyone on the opportunity's page, the asker not named.</summary>
    ToAll = 1,

    /// <summary>Answered to the asker only, with the commissioner's recorded reason.</summary>
    Private = 2,
}

/// <summary>
/// A provider's question about an opportunity (issue 15 part 3), asked privately. The commissioner answers it to
/// everyone — the question as published may be reworded so nothing identifies the asker, who is never named — or
/// privately, with a reason that is kept.
/// </summary>
public sealed class Clarification : IVersioned
{
    public const int MaxQuestionLength = 4000;
    public const int MaxAnswerLength = 8000;
    public const int MaxReasonLength = 2000;

    private Clarification()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string AskedById { get; private set; } = "";
    public string Question { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public ClarificationVisibility Visibility { get; private set; }

    /// <summary>The question as shown to everyone (the commissioner may take out anything that names the asker).</summary>
    public string? PublishedQuestion { get; private set; }

    public string? Answer { get; private set; }
    public string? PrivateReason { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public int Version { get; set; }

    public bool IsAnswered => Visibility != ClarificationVisibility.Unanswered;

    public static string? QuestionProblem(string? question) =>
        PlainText.Problem(question, "Your question", MaxQuestionLength, PlainText.Kind.Paragraphs, "Write your question.");

    /// <summary>Asks a question, before the clarification deadline (or, when there is none, the submission deadline).</summary>
    public static Clarification Ask(Guid opportunityId, Guid authorityId, Guid providerId, string askedById, string question, DateTimeOffset now,
        DateTimeOffset? clarificationDeadline, DateTimeOffset? submissionDeadline)
    {
        if (QuestionProblem(question) is { } problem) throw new TenderingRuleException(problem, nameof(Question));
        var closes = clarificationDeadline ?? submissionDeadline;
        if (closes is { } c && now > c)
            throw new TenderingRuleException($"Questions closed on {c.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC, so the portal cannot send a new one.", nameof(Question));
        return new Clarification
        {
            OpportunityId = opportunityId, AuthorityId = authorityId, ProviderId = providerId, AskedById = askedById,
            Question = question.Trim(), AskedAt = now,
        };
    }

    public void AnswerToAll(string? publishedQuestion, string? answer, DateTimeOffset now, string by)
    {
        RequireUnanswered();
        var q = string.IsNullOrWhiteSpace(publishedQuestion) ? Question : publishedQuestion.Trim();
        if (PlainText.Problem(q, "The question as published", MaxQuestionLength, PlainText.Kind.Paragraphs) is { } qp) throw new TenderingRuleException(qp, nameof(PublishedQuestion));
        var a = CheckAnswer(answer);
        Visibility = ClarificationVisibility.ToAll;
        PublishedQuestion = q;
        Answer = a;
        AnsweredAt = now;
        AnsweredBy = by;
    }

    public void AnswerPrivately(string? answer, string? reason, DateTimeOffset now, string by)
    {
        RequireUnanswered();
        var a = CheckAnswer(answer);
        if (PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs,
                "Say why this answer goes only to the provider who asked (for example: it is about their own commercial information).") is { } rp)
            throw new TenderingRuleException(rp, nameof(PrivateReason));
        Visibility = ClarificationVisibility.Private;
        Answer = a;
        PrivateReason = reason!.Trim();
        AnsweredAt = now;
        AnsweredBy = by;
    }

    private static string CheckAnswer(string? answer)
    {
        if (PlainText.Problem(answer, "The answer", MaxAnswerLength, PlainText.Kind.Paragraphs, "Write the answer.") is { } problem)
            throw new TenderingRuleException(problem, nameof(Answer));
        return answer!.Trim();
    }

    private void RequireUnanswered()
    {
        if (IsAnswered) throw new TenderingRuleException("This question has already been answered.");
    }
}
