using System.Globalization;
using CommissioningPortal.Domain.Agreements;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>The terms as a practitioner types them, for a new agreement and for a variation.</summary>
public sealed class AgreementForm
{
    [Required(ErrorMessage = "Enter the weekly budget")]
    [Range(0.01, 100000, ErrorMessage = "Enter the weekly budget in pounds, like 312.50")]
    public decimal? WeeklyBudget { get; set; }

    [Range(0, 100000, ErrorMessage = "Enter the person's weekly contribution in pounds, or 0")]
    public decimal? PersonContribution { get; set; }

    [Required(ErrorMessage = "Say how the budget was set")]
    [StringLength(500)]
    public string? HowBudgetWasSet { get; set; } = "Agreed at the support planning meeting using the authority's resource allocation system.";

    [Required(ErrorMessage = "Say who holds the budget")]
    [StringLength(200)]
    public string? BudgetHolder { get; set; }

    public ManagementFeeOption ManagementFee { get; set; } = ManagementFeeOption.ConsolidatedRate;

    [StringLength(200)]
    public string? ManagementFeeDetail { get; set; }

    [Required(ErrorMessage = "Describe the payment schedule")]
    [StringLength(300)]
    public string? PaymentSchedule { get; set; } = "Four-weekly in advance, with no invoices";

    [Required(ErrorMessage = "Enter the start date")]
    public string? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the review date")]
    public string? ReviewDate { get; set; }

    [Range(1, 26, ErrorMessage = "Notice must be between 1 and 26 weeks")]
    public int NoticeWeeks { get; set; } = 4;

    [Required(ErrorMessage = "Enter at least one outcome, in the person's words")]
    [StringLength(4000)]
    public string? Outcomes { get; set; }

    public static readonly (ManagementFeeOption Value, string Text)[] FeeOptions =
    [
        (ManagementFeeOption.ConsolidatedRate, "Included in a consolidated hourly rate"),
        (ManagementFeeOption.FlatWeekly, "A flat weekly fee"),
        (ManagementFeeOption.ExtraHours, "Extra hours' worth each week"),
    ];

    public static AgreementForm From(AgreementTerms t) => new()
    {
        WeeklyBudget = t.WeeklyBudget + 0.00m, PersonContribution = t.PersonContribution + 0.00m, // + 0.00m: shown as 300.00
        HowBudgetWasSet = t.HowBudgetWasSet, BudgetHolder = t.BudgetHolder,
        ManagementFee = t.ManagementFee, ManagementFeeDetail = t.ManagementFeeDetail, PaymentSchedule = t.PaymentSchedule,
        StartDate = t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReviewDate = t.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        NoticeWeeks = t.NoticeWeeks, Outcomes = string.Join('\n', t.Outcomes),
    };

    /// <summary>Checks the dates (named by field, prefixed like the form); the terms when all is well.</summary>
    public AgreementTerms? ToTerms(string prefix, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state,
        string personName, string? representativeName, string? representativeRelationship, string providerName, string authorityName, string? address)
    {
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            state.AddModelError($"{prefix}.{field}", "Enter a real date, like 2026-12-01");
            return null;
        }
        var start = Date(nameof(StartDate), StartDate);
        var review = Date(nameof(ReviewDate), ReviewDate);
        if (start is { } s && review is { } r && r <= s) state.AddModelError($"{prefix}.{nameof(ReviewDate)}", "The review date must be after the start date");
        var outcomes = (Outcomes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!state.IsValid || start is null || review is null || WeeklyBudget is null) return null;
        return new AgreementTerms
        {
            PersonName = personName, PersonAddress = address, RepresentativeName = representativeName, RepresentativeRelationship = representativeRelationship,
            ProviderName = providerName, AuthorityName = authorityName, Outcomes = outcomes, WeeklyBudget = WeeklyBudget.Value,
            PersonContribution = PersonContribution ?? 0, HowBudgetWasSet = HowBudgetWasSet!.Trim(), BudgetHolder = BudgetHolder!.Trim(),
            ManagementFee = ManagementFee, ManagementFeeDetail = ManagementFeeDetail?.Trim(), PaymentSchedule = PaymentSchedule!.Trim(),
            StartDate = start.Value, ReviewDate = review.Value, NoticeWeeks = NoticeWeeks,
        };
    }
}
