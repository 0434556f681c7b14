namespace CommissioningPortal.Domain.People;

/// <summary>A provider's offer for a request: when it could start, how it would meet the outcomes, its price and unit.</summary>
public sealed class SupportOffer
{
    public const int MaxHowLength = 4000;

    private SupportOffer()
    {
    }

    internal SupportOffer(Guid requestId, Guid providerId, Details d, string by, DateTimeOffset at)
    {
        RequestId = requestId;
        ProviderId = providerId;
        StartDate = d.StartDate!.Value;
        HowOutcomesMet = d.HowOutcomesMet!.Trim();
        Price = decimal.Round(d.Price!.Value, 2);
        PriceUnit = d.PriceUnit;
        HoursPerWeek = d.HoursPerWeek;
        MadeAt = at;
        MadeBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid RequestId { get; private set; }
    public Guid ProviderId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public string HowOutcomesMet { get; private set; } = "";
    public decimal Price { get; private set; }
    public OfferPriceUnit PriceUnit { get; private set; }
    public decimal? HoursPerWeek { get; private set; }
    public DateTimeOffset MadeAt { get; private set; }
    public string MadeBy { get; private set; } = "";

    public sealed record Details(DateOnly? StartDate, string? HowOutcomesMet, decimal? Price, OfferPriceUnit PriceUnit, decimal? HoursPerWeek);

    /// <summary>What is wrong with an offer as typed, by field; empty when it can be made.</summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        if (d.StartDate is null) problems[nameof(Details.StartDate)] = "Enter the date you could start, like 2027-01-04";
        else if (d.StartDate < today) problems[nameof(Details.StartDate)] = "The start date cannot be in the past";
        if (string.IsNullOrWhiteSpace(d.HowOutcomesMet)) problems[nameof(Details.HowOutcomesMet)] = "Say how you would meet the person's outcomes";
        else if (d.HowOutcomesMet.Length > MaxHowLength) problems[nameof(Details.HowOutcomesMet)] = "How you would meet the outcomes must be 4,000 characters or fewer";
        if (d.Price is null) problems[nameof(Details.Price)] = "Enter the price in pounds, like 24.50";
        else if (d.Price < 0) problems[nameof(Details.Price)] = "The price cannot be negative";
        else if (d.Price == 0 || d.Price > 1_000_000) problems[nameof(Details.Price)] = "The price must be more than £0 and no more than £1,000,000";
        if (!Enum.IsDefined(d.PriceUnit)) problems[nameof(Details.PriceUnit)] = "Choose what the price is for";
        if (d.HoursPerWeek is { } h && (h <= 0 || h > 168)) problems[nameof(Details.HoursPerWeek)] = "The hours a week must be more than 0 and no more than 168";
        return problems;
    }

    public static string Describe(OfferPriceUnit unit) => unit switch
    {
        OfferPriceUnit.PerHour => "an hour",
        OfferPriceUnit.PerWeek => "a week",
        OfferPriceUnit.PerOutcome => "for the outcomes (an outcome-based price)",
        _ => "a block amount",
    };
}
