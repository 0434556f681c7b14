using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Tenancy;

/// <summary>The kinds of provider that register on the portal.</summary>
public enum ProviderKind
{
    /// <summary>A registered care organisation (charity, company, social enterprise).</summary>
    RegisteredOrganisation = 0,

    /// <summary>A community micro-enterprise with five or fewer workers.</summary>
    MicroProvider = 1,

    /// <summary>A self-employed Personal Assistant.</summary>
    PersonalAssistant = 2,

    /// <summary>Something an ISF can buy that is not care: a gym, an art studio, an outdoor centre.</summary>
    NonCareSupplier = 3,
}

/// <summary>A provider organisation (or a sole trader). Providers are national.</summary>
public sealed class Provider : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public ProviderKind Kind { get; set; }
    public string? Summary { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>Public phone number (never published for a Personal Assistant: it is personal).</summary>
    public string? Phone { get; set; }

    public string? Website { get; set; }

    /// <summary>Postal address (never published for a Personal Assistant: it is their home).</summary>
    public string? AddressLine { get; set; }

    public string? Town { get; set; }
    public string? Postcode { get; set; }

    /// <summary>
    /// The last day the provider counts as verified as its passport stands (see
    /// Marketplace.ProviderVerification); null when it is not verified.
    /// </summary>
    public DateOnly? VerifiedThrough { get; set; }

    public bool IsVerifiedOn(DateOnly today) => VerifiedThrough is { } through && today <= through;

    /// <summary>Natural people: their home address and personal contact details are never published.</summary>
    public bool IsNaturalPerson => Kind == ProviderKind.PersonalAssistant;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the provider closed their account (their personal data was removed); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public int Version { get; set; }

    public const string ClosedName = "Closed account";

    /// <summary>
    /// Closing an account removes who the provider is and how to reach them. The row stays, so the
    /// agreements it signed (which the law requires us to keep) still point at something.
    /// </summary>
    public void Close(DateTimeOffset at)
    {
        Name = ClosedName;
        Summary = null;
        ContactEmail = null;
        Phone = null;
        Website = null;
        AddressLine = null;
        Town = null;
        Postcode = null;
        VerifiedThrough = null;
        ClosedAt = at;
    }

    public static string KindDisplayName(ProviderKind kind) => kind switch
    {
        ProviderKind.RegisteredOrganisation => "Registered organisation",
        ProviderKind.MicroProvider => "Micro-provider",
        ProviderKind.PersonalAssistant => "Personal Assistant (self-employed)",
        ProviderKind.NonCareSupplier => "Non-care supplier",
        _ => kind.ToString(),
    };
}
