namespace CommissioningPortal.Domain.Reference;

/// <summary>
/// One term of a reference list (a taxonomy): Scottish local authority areas, client groups,
/// support types, Care Inspectorate service types, CPV codes. Seeded by recipes.
/// </summary>
public sealed class ReferenceTerm
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The list it belongs to; see <see cref="ReferenceSchemes"/>.</summary>
    public required string Scheme { get; set; }

    public required string Code { get; set; }
    public required string Label { get; set; }
    public string? Description { get; set; }
    public string? ParentCode { get; set; }
    public int SortOrder { get; set; }
}

public static class ReferenceSchemes
{
    public const string LocalAuthorityArea = "local-authority-area";
    public const string ClientGroup = "client-group";
    public const string SupportType = "support-type";
    public const string CareInspectorateServiceType = "care-inspectorate-service-type";
    public const string Cpv = "cpv";

    public static readonly IReadOnlyList<string> All = [LocalAuthorityArea, ClientGroup, SupportType, CareInspectorateServiceType, Cpv];
}
