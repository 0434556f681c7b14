using System.Globalization;
using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Opportunities;

/// <summary>
/// Everything a commissioner types about an opportunity, given whole to <see cref="Opportunity.CreateDraft"/>,
/// <see cref="Opportunity.EditDraft"/> and <see cref="Opportunity.Amend"/>. <see cref="Problems"/> lists
/// every broken rule at once, each with the field it is about. Whether each CPV code, locality and
/// client group exists in the reference data is the caller's question.
/// </summary>
public sealed record OpportunityDetails
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 600;
    public const int MaxDescriptionLength = 20000;
    public const int MaxProcedureNoteLength = 2000;

    public OpportunityKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string? Description { get; init; }
    public IReadOnlyList<string> CpvCodes { get; init; } = [];
    public IReadOnlyList<string> Localities { get; init; } = [];
    public IReadOnlyList<string> ClientGroups { get; init; } = [];
    public IReadOnlyList<string> SupportTypes { get; init; } = [];
    public long? EstimatedValuePence { get; init; }
    public int? DurationMonths { get; init; }
    public string? ProcedureNote { get; init; }
    public DateTimeOffset? PublicationAt { get; init; }
    public DateTimeOffset? ClarificationDeadline { get; init; }
    public DateTimeOffset? SubmissionDeadline { get; init; }
    public DateOnly? ExpectedAwardOn { get; init; }
    public DateOnly? ContractStartOn { get; init; }
    public int QualityWeight { get; init; }
    public int PriceWeight { get; init; }
    public int FairWorkWeight { get; init; }

    /// <summary>Every broken rule, keyed by the field's property name, in the portal's own words.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        void Add(string field, string? message)
        {
            if (message is not null) problems.Add((field, message));
        }

        Add(nameof(Title), PlainText.Problem(Title, "The title", MaxTitleLength, PlainText.Kind.Line, "Enter the opportunity's title."));
        Add(nameof(Summary), PlainText.Problem(Summary, "The plain-language summary", MaxSummaryLength, PlainText.Kind.Paragraphs, "Enter a plain-language summary."));
        Add(nameof(Description), Description is { Length: > MaxDescriptionLength } ? $"The description must be {MaxDescriptionLength:N0} characters or fewer." : null);
        Add(nameof(ProcedureNote), PlainText.Problem(ProcedureNote, "The procedure note", MaxProcedureNoteLength, PlainText.Kind.Paragraphs));
        if (!Enum.IsDefined(Kind)) Add(nameof(Kind), "Choose what kind of opportunity this is.");
        foreach (var code in CpvCodes)
            if (!IsCpvShape(code)) Add(nameof(CpvCodes), $"The CPV code \"{code}\" is not a CPV code: it is eight digits, like 85312000.");
        Add(nameof(EstimatedValuePence), EstimatedValuePence is < 0 ? "The estimated value cannot be less than zero." : null);
        Add(nameof(DurationMonths), DurationMonths is < 1 or > 240 ? "The duration must be between 1 and 240 months." : null);
        Add(nameof(SubmissionDeadline), SubmissionDeadline is { } s && PublicationAt is { } p && s <= p
            ? "The submission deadline must be after the publication date." : null);
        Add(nameof(ClarificationDeadline), ClarificationDeadline is { } c && SubmissionDeadline is { } s2 && c >= s2
            ? "The clarification deadline must be before the submission deadline." : null);
        Add(nameof(ClarificationDeadline), ClarificationDeadline is { } c2 && PublicationAt is { } p2 && c2 <= p2
            ? "The clarification deadline must be after the publication date." : null);
        Add(nameof(ExpectedAwardOn), ExpectedAwardOn is { } a && SubmissionDeadline is { } s3 && a < DateOnly.FromDateTime(s3.UtcDateTime)
            ? "The expected award date must be on or after the submission deadline." : null);
        Add(nameof(ContractStartOn), ContractStartOn is { } cs && ExpectedAwardOn is { } a2 && cs < a2
            ? "The contract start date must be on or after the expected award date." : null);
        if (QualityWeight < 0 || PriceWeight < 0 || FairWorkWeight < 0)
            Add(nameof(QualityWeight), "The award criteria weights cannot be less than zero.");
        else if (QualityWeight + PriceWeight + FairWorkWeight != 100)
            Add(nameof(QualityWeight), string.Create(CultureInfo.InvariantCulture,
                $"The award criteria weights (quality, price and fair work) must add up to 100; they add up to {QualityWeight + PriceWeight + FairWorkWeight}."));
        return problems;
    }

    public static bool IsCpvShape(string code) => code.Length == 8 && code.All(char.IsAsciiDigit);

    /// <summary>The trimmed, de-duplicated copy that is stored.</summary>
    public OpportunityDetails Normalised() => this with
    {
        Title = Title.Trim(),
        Summary = Summary.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        ProcedureNote = string.IsNullOrWhiteSpace(ProcedureNote) ? null : ProcedureNote.Trim(),
        CpvCodes = Clean(CpvCodes),
        Localities = Clean(Localities),
        ClientGroups = Clean(ClientGroups),
        SupportTypes = Clean(SupportTypes),
    };

    private static List<string> Clean(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
