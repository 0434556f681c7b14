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
