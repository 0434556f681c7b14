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

/// <summary>Who holds the ISF for the person.</summary>
public enum BudgetHolderKind
{
    /// <summary>The provider holds it, on the person's behalf (the usual Option 2 arrangement).</summary>
    Provider,

    /// <summary>The authority keeps it and pays the providers the person chooses.</summary>
    Authority,

    /// <summary>An independent ISF holder.</summary>
    ThirdParty,
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
    public Tenancy.ProviderKind ProviderKind { get; init; }
    public string? ProviderEmail { get; init; }
    public string? ProviderPhone { get; init; }

    /// <summary>The provider's verified Care Inspectorate registration number, when it has one.</summary>
    public string? ProviderCareInspectorateNumber { get; init; }
    public required string AuthorityName { get; init; }
    public string? AuthorityEmail { get; init; }

    /// <summary>The person's allocated practitioner (who started the agreement).</summary>
    public string? Practitioner { get; init; }
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public decimal WeeklyBudget { get; init; }
    public decimal PersonContribution { get; init; }
    public required string HowBudgetWasSet { get; init; }
    /// <summary>The name of whoever holds the budget.</summary>
    public required string BudgetHolder { get; init; }

    public BudgetHolderKind BudgetHolderKind { get; init; } = BudgetHolderKind.Provider;
    public ManagementFeeOption ManagementFee { get; init; }
    public string? ManagementFeeDetail { get; init; }
    /// <summary>Weeks between payments: 1, 2 or 4 (four-weekly is the CCPS norm).</summary>
    public int PaymentIntervalWeeks { get; init; } = 4;

    /// <summary>Paid at the start of each period (true) or after it ends.</summary>
    public bool PaidInAdvance { get; init; } = true;

    /// <summary>Whether the holder must invoice for each payment; the CCPS model pays without.</summary>
    public bool Invoices { get; init; }

    /// <summary>The payment schedule in words, e.g. "Four-weekly in advance, with no invoices".</summary>
    public string PaymentSchedule => $"{Interval(PaymentIntervalWeeks)} {(PaidInAdvance ? "in advance" : "in arrears")}, {(Invoices ? "on invoice" : "with no invoices")}";
    public DateOnly StartDate { get; init; }

    /// <summary>Why the agreement starts before the day it was offered (back-dating); null when it does not.</summary>
    public string? StartDateReason { get; init; }
    public DateOnly ReviewDate { get; init; }
    public int NoticeWeeks { get; init; } = 4;

    /// <summary>What happens to unspent money at the end of a period, in words, as older versions stored it; see <see cref="CarryOverRule"/>.</summary>
    public string? CarryOver { get; init; }

    /// <summary>
    /// The carry-over rule agreed for this agreement (issue 17 item 7): unspent money carried forward up to this many weeks'
    /// budget; 0 carries nothing; null (with <see cref="CarryOverUnlimited"/>) carries it all. Versions stored before
    /// it existed read as four weeks, the rule they were made under.
    /// </summary>
    public int? CarryOverWeeks { get; init; } = 4;

    /// <summary>Everything unspent is carried forward (e.g. saving up for a trip); <see cref="CarryOverWeeks"/> is then null.</summary>
    public bool CarryOverUnlimited { get; init; }

    public CarryOverRule CarryOverRule() => CarryOverUnlimited ? Agreements.CarryOverRule.Unlimited : Agreements.CarryOverRule.FromWeeks(CarryOverWeeks ?? 4);

    public decimal AnnualBudget => Math.Round(WeeklyBudget * 52m, 2);

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Interval(int weeks) => weeks switch
    {
        1 => "Weekly",
        2 => "Fortnightly",
        4 => "Four-weekly",
        _ => $"Every {weeks} weeks",
    };

    public static string Money(decimal amount) => amount.ToString("C2", UkCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    /// <summary>
    /// What changed from <paramref name="before"/>, one plain sentence per changed term with its old and
    /// new value ("Start date: 14 December 2026 → 2 November 2026."); empty when nothing did.
    /// </summary>
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
        Compare("Start date", Date(before.StartDate), Date(after.StartDate));
        Compare("Weekly budget", Money(before.WeeklyBudget), Money(after.WeeklyBudget));
        Compare("The person's contribution", Money(before.PersonContribution), Money(after.PersonContribution));
        Compare("How the budget was set", before.HowBudgetWasSet, after.HowBudgetWasSet);
        Compare("Who holds the budget", $"{before.BudgetHolder} ({Describe(before.BudgetHolderKind)})", $"{after.BudgetHolder} ({Describe(after.BudgetHolderKind)})");
        Compare("Management fee", Describe(before), Describe(after));
        Compare("Payment schedule", before.PaymentSchedule, after.PaymentSchedule);
        Compare("Review date", Date(before.ReviewDate), Date(after.ReviewDate));
        Compare("Notice to end", $"{before.NoticeWeeks} weeks", $"{after.NoticeWeeks} weeks");
        Compare("Representative", before.RepresentativeName, after.RepresentativeName);
        Compare("Provider", before.ProviderName, after.ProviderName);
        Compare("Carry-over of unspent money", before.CarryOverRule().Describe(), after.CarryOverRule().Describe());
        foreach (var removed in before.Outcomes.Except(after.Outcomes)) changes.Add($"Outcome removed: {removed}.");
        foreach (var added in after.Outcomes.Except(before.Outcomes)) changes.Add($"Outcome added: {added}.");
        return changes;
    }

    public static string Describe(BudgetHolderKind kind) => kind switch
    {
        BudgetHolderKind.Authority => "the authority",
        BudgetHolderKind.ThirdParty => "an independent ISF holder",
        _ => "the provider",
    };

    public static string Describe(AgreementTerms terms) => terms.ManagementFee switch
    {
        ManagementFeeOption.FlatWeekly => $"a flat weekly fee{Detail(terms)}",
        ManagementFeeOption.ExtraHours => $"extra hours{Detail(terms)}",
        _ => $"included in a consolidated rate{Detail(terms)}",
    };

    private static string Detail(AgreementTerms terms) => string.IsNullOrWhiteSpace(terms.ManagementFeeDetail) ? "" : $" ({terms.ManagementFeeDetail})";
}
