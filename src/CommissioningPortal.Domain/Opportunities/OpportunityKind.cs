namespace CommissioningPortal.Domain.Opportunities;

/// <summary>The seven kinds of opportunity a commissioner publishes (issue 15).</summary>
public enum OpportunityKind
{
    /// <summary>Prior information notice or consultation: pre-contract market engagement.</summary>
    MarketEngagement = 0,
    OpenTender = 1,
    /// <summary>A flexible framework's first opening or a re-opening round.</summary>
    FlexibleFramework = 2,
    PublicSocialPartnership = 3,
    AllianceExpressionOfInterest = 4,
    /// <summary>A call-off from a framework lot for one person's support.</summary>
    IndividualPackage = 5,
    /// <summary>Negotiated procedure or innovation partnership, its co-production phase resourced and stated.</summary>
    NegotiatedOrInnovation = 6,
}

public enum OpportunityStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
    Cancelled = 3,
}

public static class OpportunityNames
{
    public static string Kind(OpportunityKind kind) => kind switch
    {
        OpportunityKind.MarketEngagement => "Market engagement",
        OpportunityKind.OpenTender => "Open tender",
        OpportunityKind.FlexibleFramework => "Flexible framework round",
        OpportunityKind.PublicSocialPartnership => "Public Social Partnership invitation",
        OpportunityKind.AllianceExpressionOfInterest => "Alliance expression of interest",
        OpportunityKind.IndividualPackage => "Individual package",
        OpportunityKind.NegotiatedOrInnovation => "Negotiated procedure or innovation partnership",
        _ => kind.ToString(),
    };

    public static string Status(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Draft => "Draft",
        OpportunityStatus.Published => "Published",
        OpportunityStatus.Closed => "Closed",
        OpportunityStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}

/// <summary>
/// An opportunity rule was broken; the message says which in words a commissioner understands, and
/// <see cref="Field"/> names the property at fault when it is one.
/// </summary>
public sealed class OpportunityRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}
