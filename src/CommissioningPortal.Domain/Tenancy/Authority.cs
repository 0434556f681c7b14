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
}
