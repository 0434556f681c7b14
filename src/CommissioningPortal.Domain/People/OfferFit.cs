namespace CommissioningPortal.Domain.People;

/// <summary>What is known about an offer's provider when judging its fit for a request.</summary>
public sealed record OfferFacts(
    bool CoversLocality,
    bool HasCapacity,
    bool VerifiedPassport,
    bool SpeaksLanguage,
    bool Continuity,
    bool StartsInTime);

/// <summary>How well an offer fits, and why, in words the person can read.</summary>
public sealed record FitScore(int Points, int OutcomesAddressed, int OutcomesAsked, IReadOnlyList<string> Reasons);

/// <summary>
/// Offers are ordered by fit: the outcomes they address, capacity, continuity, a verified passport,
/// languages and distance; never by price alone (the research: "fit before price"). Price only
/// breaks a tie between offers that fit equally well.
/// </summary>
public static class OfferFit
{
    public static FitScore Score(SupportRequest request, SupportOffer offer, OfferFacts facts)
    {
        var reasons = new List<string>();
        var outcomes = request.OutcomeList;
        var addressed = outcomes.Count(o => Addresses(offer.HowOutcomesMet, o));
        var points = outcomes.Count == 0 ? 0 : 40 * addressed / outcomes.Count;
        reasons.Add($"Says how it meets {addressed} of your {outcomes.Count} outcome{(outcomes.Count == 1 ? "" : "s")}");
        if (facts.HasCapacity) { points += 15; reasons.Add("Has time free for you"); }
        if (facts.Continuity) { points += 15; reasons.Add("Already supports you, so you keep people you know"); }
        if (facts.VerifiedPassport) { points += 10; reasons.Add("Its checks are verified"); }
        if (request.Language is not null && facts.SpeaksLanguage) { points += 10; reasons.Add("Speaks the language you asked for"); }
        if (facts.CoversLocality) { points += 10; reasons.Add("Works in your area"); }
        if (facts.StartsInTime) points += 5;
        else reasons.Add("Would start later than you asked");
        return new FitScore(points, addressed, outcomes.Count, reasons);
    }

    /// <summary>Ranks offers best fit first; an equal fit goes to the earlier start, then the lower weekly cost.</summary>
    public static IReadOnlyList<(SupportOffer Offer, FitScore Fit)> Rank(SupportRequest request, IEnumerable<(SupportOffer Offer, OfferFacts Facts)> offers) =>
        offers.Select(o => (o.Offer, Fit: Score(request, o.Offer, o.Facts)))
            .OrderByDescending(o => o.Fit.Points).ThenBy(o => o.Offer.StartDate).ThenBy(o => WeeklyCost(o.Offer) ?? decimal.MaxValue).ThenBy(o => o.Offer.MadeAt)
            .ToList();

    /// <summary>The offer's cost a week when it can be worked out (an hourly price needs the hours).</summary>
    public static decimal? WeeklyCost(SupportOffer offer) => offer.PriceUnit switch
    {
        OfferPriceUnit.PerWeek => offer.Price,
        OfferPriceUnit.PerHour when offer.HoursPerWeek is { } h => offer.Price * h,
        _ => null,
    };

    /// <summary>An offer addresses an outcome when it uses one of the outcome's significant words (four letters or more).</summary>
    public static bool Addresses(string how, string outcome)
    {
        var text = how.ToLowerInvariant();
        return Words(outcome).Any(w => text.Contains(w, StringComparison.Ordinal));
    }

    private static readonly HashSet<string> Common = ["with", "have", "that", "this", "from", "want", "would", "like", "more", "every", "week", "able", "some", "them", "they", "their", "when", "what", "about", "into"];

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '!', '?', '\'', '"', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !Common.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w);
}
