namespace CommissioningPortal.Web.Features.OpenReferral;

// HSDS 3.0 shapes (../shared/standards/hsds-3.0/). Serialised snake_case with nulls left out:
// the schema types optional fields as plain strings, so an absent value is omitted, not null.

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsService
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public required string Status { get; init; }
    public string? InterpretationServices { get; init; }
    public string? FeesDescription { get; init; }
    public string? EligibilityDescription { get; init; }
    public string? AssuredDate { get; init; }
    public string? LastModified { get; init; }
    public HsdsOrganization? Organization { get; init; }
    public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }
    public IReadOnlyList<HsdsContact>? Contacts { get; init; }
    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsOrganization
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? LegalStatus { get; init; }
    public string? Uri { get; init; }
    public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    public IReadOnlyList<HsdsLocation>? Locations { get; init; }
}

public sealed record HsdsPhone(Guid Id, string Number, string? Type = null, Guid? OrganizationId = null, Guid? ServiceId = null);

public sealed record HsdsLocation(Guid Id, string LocationType, Guid OrganizationId, string? Name, IReadOnlyList<HsdsAddress> Addresses);

public sealed record HsdsAddress(Guid Id, Guid LocationId, [property: System.Text.Json.Serialization.JsonPropertyName("address_1")] string Address1, string City, string StateProvince, string PostalCode, string Country, string AddressType);

public sealed record HsdsServiceArea(Guid Id, Guid ServiceId, string Name, string? Description, string? Extent = null, string? ExtentType = null);

public sealed record HsdsLanguage(Guid Id, Guid ServiceId, string Name, string Code);

public sealed record HsdsCostOption(Guid Id, Guid ServiceId, string ValidFrom, string? ValidTo, string Option, string Currency, double Amount, string? AmountDescription);

public sealed record HsdsContact(Guid Id, Guid ServiceId, string Name, string? Email, IReadOnlyList<HsdsPhone>? Phones);

public sealed record HsdsAttribute(Guid Id, Guid LinkId, Guid TaxonomyTermId, string LinkType, string LinkEntity, HsdsTaxonomyTerm? TaxonomyTerm);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Version = null);

public sealed record HsdsTaxonomyTerm(Guid Id, string Code, string Name, string Description, Guid? ParentId, string Taxonomy, Guid TaxonomyId, HsdsTaxonomy? TaxonomyDetail = null);
