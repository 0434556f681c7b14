using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Tenancy;

/// <summary>A council or Health and Social Care Partnership (HSCP) that commissions care.</summary>
public sealed class Authority : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short, URL-safe, unique code, e.g. "glenmore".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The Scottish local authority area it covers (reference term code).</summary>
    public string? AreaCode { get; set; }

    public string? ContactEmail { get; set; }

    public List<Locality> Localities { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Days a posted request may wait for its first offer; after them the commissioners are told and it counts as unmet demand.</summary>
    public int OfferTargetDays { get; private set; } = DefaultOfferTargetDays;

    /// <summary>Days within which an off-framework choice is decided; the person is shown the date it is due.</summary>
    public int ApprovalTargetDays { get; private set; } = DefaultApprovalTargetDays;

    /// <summary>
    /// The weekly amount a practitioner may authorise alone (delegated authority), e.g. £375; above it a
    /// commissioner authorises. Null: every agreement is authorised by a commissioner.
    /// </summary>
    public decimal? PractitionerWeeklyLimit { get; private set; }

    /// <summary>
    /// The carry-over a new agreement starts with (each agreement may change it): weeks of budget unspent money may
    /// be carried forward; 0 carries nothing; null carries it all.
    /// </summary>
    public int? DefaultCarryOverWeeks { get; private set; } = 4;

    public DateTimeOffset? PoliciesChangedAt { get; private set; }
    public string? PoliciesChangedBy { get; private set; }

    public const int DefaultOfferTargetDays = 7;
    public const int DefaultApprovalTargetDays = 10;

    /// <summary>The authority's policies as typed.</summary>
    public sealed record Policies(int? OfferTargetDays, int? ApprovalTargetDays, decimal? PractitionerWeeklyLimit, int? CarryOverWeeks = 4);

    /// <summary>What is wrong with the policies as typed, by field; empty when they can be set.</summary>
    public static Dictionary<string, string> PolicyProblems(Policies p)
    {
        var problems = new Dictionary<string, string>();
        if (p.OfferTargetDays is null) problems[nameof(Policies.OfferTargetDays)] = "Enter the days a request may wait for an offer";
        else if (p.OfferTargetDays is < 1 or > 90) problems[nameof(Policies.OfferTargetDays)] = "The days a request may wait for an offer must be between 1 and 90";
        if (p.ApprovalTargetDays is null) problems[nameof(Policies.ApprovalTargetDays)] = "Enter the days within which an off-framework choice is decided";
        else if (p.ApprovalTargetDays is < 1 or > 90) problems[nameof(Policies.ApprovalTargetDays)] = "The days to decide an off-framework choice must be between 1 and 90";
        if (p.PractitionerWeeklyLimit is < 0 or > 100000) problems[nameof(Policies.PractitionerWeeklyLimit)] = "The weekly amount a practitioner may authorise must be between £0 and £100,000, or left empty";
        if (p.CarryOverWeeks is < 0 or > 52) problems[nameof(Policies.CarryOverWeeks)] = "The weeks of budget that can be carried forward must be between 0 and 52, or left empty for no limit";
        return problems;
    }

    public void SetPolicies(Policies p, string by, DateTimeOffset at)
    {
        var problems = PolicyProblems(p);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values));
        OfferTargetDays = p.OfferTargetDays!.Value;
        ApprovalTargetDays = p.ApprovalTargetDays!.Value;
        PractitionerWeeklyLimit = p.PractitionerWeeklyLimit;
        DefaultCarryOverWeeks = p.CarryOverWeeks;
        PoliciesChangedAt = at;
        PoliciesChangedBy = by;
    }

    /// <summary>Whether a practitioner may authorise an agreement of <paramref name="weeklyAmount"/> alone.</summary>
    public bool PractitionerMayAuthorise(decimal weeklyAmount) => PractitionerWeeklyLimit is { } limit && weeklyAmount <= limit;
}

/// <summary>A locality within an authority (a team or area that services are planned for).</summary>
public sealed class Locality
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AuthorityId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// The centre of the locality (WGS 84 degrees), so the open-data feed can say how far a service's
    /// area is from a postcode; null when the authority has not given one.
    /// </summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>
    /// The postcode districts (the first half of a postcode, e.g. "PH22") the locality covers, upper
    /// case without spaces: a postcode is "in" the locality when its district is listed.
    /// </summary>
    public List<string> PostcodeDistricts { get; set; } = [];

    public bool HasCentre => Latitude is not null && Longitude is not null;

    public bool Covers(string postcodeDistrict) => PostcodeDistricts.Contains(postcodeDistrict, StringComparer.Ordinal);
}
