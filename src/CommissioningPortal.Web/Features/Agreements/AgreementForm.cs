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
    [StringLength(500, ErrorMessage = "Say how the budget was set in 500 characters or fewer")]
    public string? HowBudgetWasSet { get; set; } = "Agreed at the support planning meeting using the authority's resource allocation system.";

    [Required(ErrorMessage = "Say who holds the budget")]
    [StringLength(200, ErrorMessage = "The budget holder's name must be 200 characters or fewer")]
    public string? BudgetHolder { get; set; }

    public BudgetHolderKind BudgetHolderKind { get; set; } = BudgetHolderKind.Provider;

    public ManagementFeeOption ManagementFee { get; set; } = ManagementFeeOption.ConsolidatedRate;

    [StringLength(200, ErrorMessage = "Management fee details must be 200 characters or fewer")]
    public string? ManagementFeeDetail { get; set; }

    [Range(1, 4, ErrorMessage = "Choose how often the ISF is paid")]
    public int PaymentIntervalWeeks { get; set; } = 4;

    public bool PaidInAdvance { get; set; } = true;

    public bool Invoices { get; set; }

    [Required(ErrorMessage = "Enter the start date")]
    public string? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the review date")]
    public string? ReviewDate { get; set; }

    /// <summary>Why the agreement starts before today (back-dating happens); needed only then, and shown to the authoriser.</summary>
    [StringLength(1000, ErrorMessage = "The reason for the earlier start date must be 1,000 characters or fewer")]
    public string? StartDateReason { get; set; }

    [Range(1, 26, ErrorMessage = "Notice must be between 1 and 26 weeks")]
    public int NoticeWeeks { get; set; } = 4;

    /// <summary>Weeks of budget unspent money may be carried forward: empty for no limit, 0 for none.</summary>
    [Range(0, 52, ErrorMessage = "Carry-over must be a whole number of weeks from 0 to 52, or empty for no limit")]
    public int? CarryOverWeeks { get; set; } = 4;

    [Required(ErrorMessage = "Enter at least one outcome, in the person's words")]
    [StringLength(4000, ErrorMessage = "The outcomes must be 4,000 characters or fewer in all")]
    public string? Outcomes { get; set; }

    public static readonly (ManagementFeeOption Value, string Text)[] FeeOptions =
    [
        (ManagementFeeOption.ConsolidatedRate, "Included in a consolidated hourly rate"),
        (ManagementFeeOption.FlatWeekly, "A flat weekly fee"),
        (ManagementFeeOption.ExtraHours, "Extra hours' worth each week"),
    ];

    public static readonly (BudgetHolderKind Value, string Text)[] HolderOptions =
    [
        (BudgetHolderKind.Provider, "The provider, on the person's behalf"),
        (BudgetHolderKind.ThirdParty, "An independent ISF holder"),
        (BudgetHolderKind.Authority, "The authority"),
    ];

    public static readonly (int Value, string Text)[] IntervalOptions = [(4, "Four-weekly"), (2, "Fortnightly"), (1, "Weekly")];

    public static AgreementForm From(AgreementTerms t) => new()
    {
        WeeklyBudget = t.WeeklyBudget + 0.00m, PersonContribution = t.PersonContribution + 0.00m, // + 0.00m: shown as 300.00
        HowBudgetWasSet = t.HowBudgetWasSet, BudgetHolder = t.BudgetHolder, BudgetHolderKind = t.BudgetHolderKind,
        ManagementFee = t.ManagementFee, ManagementFeeDetail = t.ManagementFeeDetail,
        PaymentIntervalWeeks = t.PaymentIntervalWeeks, PaidInAdvance = t.PaidInAdvance, Invoices = t.Invoices,
        StartDate = t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReviewDate = t.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        NoticeWeeks = t.NoticeWeeks, CarryOverWeeks = t.CarryOverUnlimited ? null : t.CarryOverWeeks ?? 4, Outcomes = string.Join('\n', t.Outcomes), StartDateReason = t.StartDateReason,
    };

    /// <summary>
    /// Checks the dates and choices (named by field, prefixed like the form); when all is well, the
    /// <paramref name="parties"/> (names and contacts, which this form does not change) with the terms typed here.
    /// </summary>
    /// <param name="today">The day it is offered: a start before it is back-dating, which needs a reason.</param>
    /// <param name="previousStart">For a variation, the start date in force: keeping it is not back-dating.</param>
    public AgreementTerms? ToTerms(string prefix, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, AgreementTerms parties, DateOnly today, DateOnly? previousStart = null)
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
        var backdated = start is { } st && st < today && st != previousStart;
        if (backdated && string.IsNullOrWhiteSpace(StartDateReason))
        {
            state.AddModelError($"{prefix}.{nameof(StartDateReason)}", $"The start date is before today: say why the agreement starts on {AgreementTerms.Date(start!.Value)} (the authoriser sees the reason)");
        }
        if (!IntervalOptions.Any(o => o.Value == PaymentIntervalWeeks)) state.AddModelError($"{prefix}.{nameof(PaymentIntervalWeeks)}", "Choose how often the ISF is paid");
        if (!Enum.IsDefined(BudgetHolderKind)) state.AddModelError($"{prefix}.{nameof(BudgetHolderKind)}", "Choose who holds the budget");
        if (!Enum.IsDefined(ManagementFee)) state.AddModelError($"{prefix}.{nameof(ManagementFee)}", "Choose how the management fee is met");
        var outcomes = (Outcomes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!state.IsValid || start is null || review is null || WeeklyBudget is null) return null;
        return parties with
        {
            Outcomes = outcomes, WeeklyBudget = WeeklyBudget.Value,
            PersonContribution = PersonContribution ?? 0, HowBudgetWasSet = HowBudgetWasSet!.Trim(), BudgetHolder = BudgetHolder!.Trim(), BudgetHolderKind = BudgetHolderKind,
            ManagementFee = ManagementFee, ManagementFeeDetail = ManagementFeeDetail?.Trim(),
            PaymentIntervalWeeks = PaymentIntervalWeeks, PaidInAdvance = PaidInAdvance, Invoices = Invoices,
            StartDate = start.Value, ReviewDate = review.Value, NoticeWeeks = NoticeWeeks,
            CarryOverWeeks = CarryOverWeeks, CarryOverUnlimited = CarryOverWeeks is null,
            StartDateReason = backdated ? StartDateReason!.Trim() : start == previousStart ? parties.StartDateReason : null,
        };
    }
}
