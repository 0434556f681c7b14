namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// A part of a framework providers are admitted to: by client group, support type and locality
/// (each optional; the codes are the reference terms the directory filters use, the localities
/// the framework's authority's). Each admitted provider is a <see cref="LotMember"/>.
/// </summary>
public sealed class Lot
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FrameworkId { get; set; }

    /// <summary>1, 2, 3 … within the framework.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>Support-type reference term code, or null for any.</summary>
    public string? SupportType { get; set; }

    /// <summary>Client-group reference term code, or null for anyone.</summary>
    public string? ClientGroup { get; set; }

    /// <summary>Localities of the framework's authority the lot covers; empty for all of them.</summary>
    public List<Guid> LocalityIds { get; set; } = [];

    public List<LotMember> Members { get; set; } = [];

    public string Name => $"Lot {Number}: {Title}";
}
