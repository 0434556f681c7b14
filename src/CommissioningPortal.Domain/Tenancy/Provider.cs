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
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public static string KindDisplayName(ProviderKind kind) => kind switch
    {
        ProviderKind.RegisteredOrganisation => "Registered organisation",
        ProviderKind.MicroProvider => "Micro-provider",
        ProviderKind.PersonalAssistant => "Personal Assistant (self-employed)",
        ProviderKind.NonCareSupplier => "Non-care supplier",
        _ => kind.ToString(),
    };
}
