using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Tendering;

/// <summary>How a question is answered and marked.</summary>
public enum QuestionKind
{
    /// <summary>A written answer, scored on the question's scale and weighted.</summary>
    Scored = 0,

    /// <summary>A yes or no: a "no" fails the response whatever else it scores.</summary>
    PassFail = 1,
}

/// <summary>What a price is for (DESIGN.md "Not only hours": per hour, per week, per outcome or a block amount).</summary>
public enum PriceUnit
{
    PerHour = 0,
    PerWeek = 1,
    PerOutcome = 2,
    Block = 3,
}

/// <summary>
/// The questions an opportunity asks, built by its commissioner (issue 15 part 4): sections of questions
/// (guidance, word limit, weight, scoring scale, or pass/fail), a price schedule per lot, the documents
/// required, and the value below which micro-providers and Personal Assistants get the short form.
/// A question may say which passport item proves it: a provider whose passport holds that item verified
/// is never asked it; the answer is shown as taken from the passport.
/// </summary>
public sealed class Questionnaire : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxGuidanceLength = 4000;
    public const int MaxWordLimit = 5000;

    private readonly List<QuestionnaireSection> _sections = [];
    private readonly List<TenderQuestion> _questions = [];
    private readonly List<PriceLine> _priceLines = [];
    private readonly List<RequiredDocument> _documents = [];

    private Questionnaire()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public Guid AuthorityId { get; private set; }

    /// <summary>Micro-providers and Personal Assistants get the short form when the opportunity (or lot) is worth less than this; null: never.</summary>
    public long? ShortFormBelowPence { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<QuestionnaireSection> Sections => _sections;
    public IReadOnlyList<TenderQuestion> Questions => _questions;
    public IReadOnlyList<PriceLine> PriceLines => _priceLines;
    public IReadOnlyList<RequiredDocument> Documents => _documents;

    public static Questionnaire For(Guid opportunityId, Guid authorityId) => new() { OpportunityId = opportunityId, AuthorityId = authorityId };

    public void SetShortFormThreshold(long? belowPence)
    {
        if (belowPence is < 0) throw new TenderingRuleException("The short-form value cannot be less than zero.", nameof(ShortFormBelowPence));
        ShortFormBelowPence = belowPence;
    }

    /// <summary>Whether a provider of this kind, for an opportunity worth <paramref name="valuePence"/>, answers the short form.</summary>
    public bool OffersShortForm(bool smallProvider, long? valuePence) =>
        smallProvider && ShortFormBelowPence is { } below && (valuePence is null || valuePence < below);

    public QuestionnaireSection AddSection(string title)
    {
        var t = Required(title, "The section title", MaxTitleLength, PlainText.Kind.Line, "Enter the section's title.", "Title");
        var section = new QuestionnaireSection(Id, _sections.Count == 0 ? 1 : _sections.Max(s => s.Number) + 1, t);
        _sections.Add(section);
        return section;
    }

    public TenderQuestion AddQuestion(Guid sectionId, QuestionKind kind, string text, string? guidance, int? wordLimit, int weight, int scaleMax,
        PassportItemKind? provedBy, bool inShortForm)
    {
        if (_sections.All(s => s.Id != sectionId)) throw new TenderingRuleException("Choose a section for the question.", "SectionId");
        var t = Required(text, "The question", MaxTextLength, PlainText.Kind.Paragraphs, "Enter the question.", "Text");
        var g = Optional(guidance, "The guidance", MaxGuidanceLength, "Guidance");
        if (kind == QuestionKind.Scored)
        {
            if (wordLimit is not null and (< 1 or > MaxWordLimit)) throw new TenderingRuleException($"The word limit must be a whole number from 1 to {MaxWordLimit}.", "WordLimit");
            if (weight is < 0 or > 100) throw new TenderingRuleException("The weight must be a whole number from 0 to 100.", "Weight");
            if (scaleMax is < 1 or > 10) throw new TenderingRuleException("The scoring scale must run from 0 to a number between 1 and 10.", "ScaleMax");
        }
        else
        {
            wordLimit = null;
            weight = 0;
            scaleMax = 0;
        }
        var question = new TenderQuestion(Id, sectionId, _questions.Count == 0 ? 1 : _questions.Max(q => q.Number) + 1, kind, t, g, wordLimit, weight, scaleMax, provedBy, inShortForm);
        _questions.Add(question);
        return question;
    }

    public void RemoveQuestion(Guid questionId)
    {
        var q = _questions.FirstOrDefault(x => x.Id == questionId) ?? throw new TenderingRuleException("That question is not part of this questionnaire.");
        _questions.Remove(q);
    }

    public PriceLine AddPriceLine(Guid? lotId, string description, PriceUnit unit)
    {
        var d = Required(description, "What the price is for", MaxTitleLength, PlainText.Kind.Line, "Say what the price is for, for example: daytime support.", "Description");
        var line = new PriceLine(Id, _priceLines.Count == 0 ? 1 : _priceLines.Max(p => p.Number) + 1, lotId, d, unit);
        _priceLines.Add(line);
        return line;
    }

    public RequiredDocument AddDocument(string title, string? guidance, bool inShortForm)
    {
        var t = Required(title, "The document's name", MaxTitleLength, PlainText.Kind.Line, "Enter the document's name, for example: method statement.", "Title");
        var g = Optional(guidance, "The guidance", MaxGuidanceLength, "Guidance");
        var document = new RequiredDocument(Id, _documents.Count == 0 ? 1 : _documents.Max(d => d.Number) + 1, t, g, inShortForm);
        _documents.Add(document);
        return document;
    }

    /// <summary>The questions a provider answers on this form (all, or those marked for the short form), in order.</summary>
    public IEnumerable<TenderQuestion> QuestionsFor(bool shortForm) =>
        _questions.Where(q => !shortForm || q.InShortForm).OrderBy(q => _sections.FirstOrDefault(s => s.Id == q.SectionId)?.Number ?? 0).ThenBy(q => q.Number);

    public IEnumerable<RequiredDocument> DocumentsFor(bool shortForm) => _documents.Where(d => !shortForm || d.InShortForm).OrderBy(d => d.Number);

    private static string Required(string? value, string label, int max, PlainText.Kind kind, string whenMissing, string field)
    {
        if (PlainText.Problem(value, label, max, kind, whenMissing) is { } problem) throw new TenderingRuleException(problem, field);
        return value!.Trim();
    }

    private static string? Optional(string? value, string label, int max, string field)
    {
        if (PlainText.Problem(value, label, max, PlainText.Kind.Paragraphs) is { } problem) throw new TenderingRuleException(problem, field);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

public sealed class QuestionnaireSection
{
    private QuestionnaireSection()
    {
    }

    internal QuestionnaireSection(Guid questionnaireId, int number, string title)
    {
        QuestionnaireId = questionnaireId;
        Number = number;
        Title = title;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid QuestionnaireId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
}

public sealed class TenderQuestion
{
    private TenderQuestion()
    {
    }

    internal TenderQuestion(Guid questionnaireId, Guid sectionId, int number, QuestionKind kind, string text, string? guidance, int? wordLimit, int weight,
        int scaleMax, PassportItemKind? provedBy, bool inShortForm)
    {
        QuestionnaireId = questionnaireId;
        SectionId = sectionId;
        Number = number;
        Kind = kind;
        Text = text;
        Guidance = guidance;
        WordLimit = wordLimit;
        Weight = weight;
        ScaleMax = scaleMax;
        ProvedBy = provedBy;
        InShortForm = inShortForm;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid QuestionnaireId { get; private set; }
    public Guid SectionId { get; private set; }
    public int Number { get; private set; }
    public QuestionKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string? Guidance { get; private set; }
    public int? WordLimit { get; private set; }
    public int Weight { get; private set; }

    /// <summary>Scored from 0 to this (0 for pass/fail).</summary>
    public int ScaleMax { get; private set; }

    /// <summary>The passport item whose verified presence answers this question: never asked of a provider who has it.</summary>
    public PassportItemKind? ProvedBy { get; private set; }

    public bool InShortForm { get; private set; }

    /// <summary>Why <paramref name="answer"/> cannot be submitted for this question, or null.</summary>
    public string? AnswerProblem(string? answer, bool submitting, bool enforceWordLimit = true)
    {
        if (Kind == QuestionKind.PassFail)
        {
            if (answer is null or "" && submitting) return $"Question {Number}: answer yes or no.";
            if (answer is not (null or "" or "yes" or "no")) return $"Question {Number}: answer yes or no.";
            return null;
        }
        if (string.IsNullOrWhiteSpace(answer)) return submitting ? $"Question {Number}: write your answer before you submit." : null;
        if (PlainText.Problem(answer, $"Your answer to question {Number}", 100_000, PlainText.Kind.Paragraphs) is { } problem) return problem;
        var words = Words.Count(answer);
        if (enforceWordLimit && WordLimit is { } limit && words > limit)
            return $"Question {Number}: your answer has {words} words; the limit is {limit}. Shorten it by {words - limit} word{(words - limit == 1 ? "" : "s")}.";
        return null;
    }
}

public sealed class PriceLine
{
    private PriceLine()
    {
    }

    internal PriceLine(Guid questionnaireId, int number, Guid? lotId, string description, PriceUnit unit)
    {
        QuestionnaireId = questionnaireId;
        Number = number;
        LotId = lotId;
        Description = description;
        Unit = unit;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid QuestionnaireId { get; private set; }
    public int Number { get; private set; }

    /// <summary>The lot it prices, or null for the whole opportunity.</summary>
    public Guid? LotId { get; private set; }

    public string Description { get; private set; } = "";
    public PriceUnit Unit { get; private set; }
}

public sealed class RequiredDocument
{
    private RequiredDocument()
    {
    }

    internal RequiredDocument(Guid questionnaireId, int number, string title, string? guidance, bool inShortForm)
    {
        QuestionnaireId = questionnaireId;
        Number = number;
        Title = title;
        Guidance = guidance;
        InShortForm = inShortForm;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid QuestionnaireId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Guidance { get; private set; }
    public bool InShortForm { get; private set; }
}
