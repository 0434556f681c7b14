using System.Globalization;

namespace CommissioningPortal.Domain.Agreements;

/// <summary>How the provider's management fee is met (CCPS Option 2 practice).</summary>
public enum ManagementFeeOption
{
    /// <summary>Included in a consolidated hourly rate.</summary>
    ConsolidatedRate,

    /// <summary>A flat weekly fee from the budget.</summary>
    FlatWeekly,

    /// <summary>A number of extra hours' worth.</summary>
    ExtraHours,
}

/// <summary>
/// The terms of one agreement version: everything the document says that can change. Stored as
/// JSON on the version, merged into the authority's template, compared to say what a variation changed.
/// </summary>
public sealed record AgreementTerms
{
    public required string PersonName { get; init; }
    public string? PersonAddress { get; init; }
    public string? RepresentativeName { get; init; }
    public string? RepresentativeRelationship { get; init; }
    public required string ProviderName { get; init; }
    public required string AuthorityName { get; init; }
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public decimal WeeklyBudget { get; init; }
    public decimal PersonContribution { get; init; }
    public required string HowBudgetWasSet { get; init; }
    public required string BudgetHolder { get; init; }
    public ManagementFeeOption ManagementFee { get; init; }
    public string? ManagementFeeDetail { get; init; }
    public required string PaymentSchedule { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly ReviewDate { get; init; }
    public int NoticeWeeks { get; init; } = 4;

    public decimal AnnualBudget => Math.Round(WeeklyBudget * 52m, 2);

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount) => amount.ToString("C2", UkCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    /// <summary>What changed from <paramref name="before"/>, one plain sentence per change; empty when nothing did.</summary>
    public static IReadOnlyList<string> Changes(AgreementTerms before, AgreementTerms after)
    {
        var changes = new List<string>();
        void Compare(string what, string? was, string? now)
        {
            if (!string.Equals(was ?? "", now ?? "", StringComparison.Ordinal))
            {
                changes.Add(string.IsNullOrEmpty(was) ? $"{what}: now {now}." : string.IsNullOrEmpty(now) ? $"{what}: removed (was {was})." : $"{what}: {was} → {now}.");
            }
        }
        Compare("Weekly budget", Money(before.WeeklyBudget), Money(after.WeeklyBudget));
        Compare("The person's contribution", Money(before.PersonContribution), Money(after.PersonContribution));
        Compare("How the budget was set", before.HowBudgetWasSet, after.HowBudgetWasSet);
        Compare("Who holds the budget", before.BudgetHolder, after.BudgetHolder);
        Compare("Management fee", Describe(before), Describe(after));
        Compare("Payment schedule", before.PaymentSchedule, after.PaymentSchedule);
        Compare("Review date", Date(before.ReviewDate), Date(after.ReviewDate));
        Compare("Notice to end", $"{before.NoticeWeeks} weeks", $"{after.NoticeWeeks} weeks");
        Compare("Representative", before.RepresentativeName, after.RepresentativeName);
        Compare("Provider", before.ProviderName, after.ProviderName);
        foreach (var removed in before.Outcomes.Except(after.Outcomes)) changes.Add($"Outcome removed: {removed}");
        foreach (var added in after.Outcomes.Except(before.Outcomes)) changes.Add($"Outcome added: {added}");
        return changes;
    }

    public static string Describe(AgreementTerms terms) => terms.ManagementFee switch
    {
        ManagementFeeOption.FlatWeekly => $"a flat weekly fee{Detail(terms)}",
        ManagementFeeOption.ExtraHours => $"extra hours{Detail(terms)}",
        _ => $"included in a consolidated rate{Detail(terms)}",
    };

    private static string Detail(AgreementTerms terms) => string.IsNullOrWhiteSpace(terms.ManagementFeeDetail) ? "" : $" ({terms.ManagementFeeDetail})";
}
