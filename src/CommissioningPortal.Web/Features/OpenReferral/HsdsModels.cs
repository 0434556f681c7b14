using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommissioningPortal.Web.Features.OpenReferral;

// The Open Referral UK profile of HSDS 3.0: the fields the UK profile defines, and no others (ADR 0011).
// Serialised snake_case with nulls left out: the schemas type optional fields as plain strings, so an
// absent value is omitted, not null.

/// <summary>What <c>/</c> answers: the HSDS version, the profile and where the OpenAPI description is.</summary>
public sealed record HsdsApiInfo(string Version, string Profile, string OpenapiUrl);

/// <summary>HSDS paging: every list endpoint answers one of these.</summary>
public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

/// <summary>A service as lists give it: its one-to-one fields.</summary>
public record HsdsServiceSummary
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }

    /// <summary>The provider's public profile in the directory.</summary>
    public required string Url { get; init; }

    /// <summary>The provider's e-mail; never a Personal Assistant's (it is personal).</summary>
    public string? Email { get; init; }

    public required string Status { get; init; }
    public string? Fees { get; init; }
    public required string LastModified { get; init; }
}

/// <summary>A service with everything about it (<c>/services/{id}</c>).</summary>
public sealed record HsdsService : HsdsServiceSummary
{
    [SetsRequiredMembers]
    public HsdsService(HsdsServiceSummary summary, HsdsOrganization organization) : base(summary) => Organization = organization;

    [JsonPropertyOrder(1)] // after the summary's fields
    public HsdsOrganization Organization { get; init; }
    [JsonPropertyOrder(1)]
    public IReadOnlyList<HsdsServiceArea> ServiceAreas { get; init; } = [];
    [JsonPropertyOrder(1)]
    public IReadOnlyList<HsdsServiceAtLocationSummary> ServiceAtLocations { get; init; } = [];
    [JsonPropertyOrder(1)]
    public IReadOnlyList<HsdsCostOption> CostOptions { get; init; } = [];
    [JsonPropertyOrder(1)]
    public IReadOnlyList<HsdsAttribute> Attributes { get; init; } = [];
}

/// <summary>An organisation as lists give it. A Personal Assistant is a person: name, description and profile only.</summary>
public record HsdsOrganizationSummary
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public required string Uri { get; init; }
}

/// <summary>An organisation with its kind (as an attribute) and, at <c>/organizations/{id}</c>, its services.</summary>
public sealed record HsdsOrganization : HsdsOrganizationSummary
{
    [SetsRequiredMembers]
    public HsdsOrganization(HsdsOrganizationSummary summary, IReadOnlyList<HsdsAttribute> attributes) : base(summary) => Attributes = attributes;

    [JsonPropertyOrder(1)] // after the summary's fields
    public IReadOnlyList<HsdsAttribute> Attributes { get; init; }
    [JsonPropertyOrder(1)]
    public IReadOnlyList<HsdsServiceSummary>? Services { get; init; }
}

/// <summary>
/// Where a service is given: a locality, as text (<c>service_area</c>), with the ONS code of its
/// council area in <c>extent</c> (<c>extent_type</c> "text") and that area's ONS identifier as <c>uri</c>.
/// </summary>
public sealed record HsdsServiceArea(Guid Id, Guid ServiceId, string Name, string? Extent, string? ExtentType, string? Uri, string ServiceArea);

/// <summary>
/// A place: always a locality (an area, with its centre when the authority gave one), never an
/// address — support is given where the person lives, and a Personal Assistant's home is private.
/// </summary>
public sealed record HsdsLocation(Guid Id, string LocationType, string Name, string Description, double? Latitude, double? Longitude);

/// <summary>A service in one of its localities, as lists give it.</summary>
public sealed record HsdsServiceAtLocationSummary
{
    public required Guid Id { get; init; }
    public required Guid ServiceId { get; init; }
    public required Guid LocationId { get; init; }
    public required HsdsLocation Location { get; init; }
    public HsdsServiceSummary? Service { get; init; }

    /// <summary>
    /// Metres from the centre of the locality the requested postcode is in to the centre of this
    /// location; only when a postcode was given and both centres are known.
    /// </summary>
    public int? Distance { get; init; }
}

/// <summary>A service in one of its localities, with the whole service (<c>/service_at_locations/{id}</c>).</summary>
public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, HsdsLocation Location, HsdsService Service);

public sealed record HsdsCostOption(Guid Id, Guid ServiceId, string ValidFrom, string? ValidTo, string Option, double Amount, string AmountDescription);

public sealed record HsdsAttribute(Guid Id, Guid LinkId, Guid TaxonomyTermId, string LinkType, HsdsTaxonomyTerm TaxonomyTerm);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Uri, string Version, IReadOnlyList<HsdsTaxonomyTerm>? TaxonomyTerms = null);

/// <summary>A term. <c>term</c> holds the code the portal uses (the UK profile's place for it); <c>term_uri</c> is the term in this feed.</summary>
public sealed record HsdsTaxonomyTerm(Guid Id, string Name, string Description, string Taxonomy, Guid TaxonomyId, string TermUri, string Term);
