namespace CommissioningPortal.Domain.Identity;

/// <summary>The portal's roles (DESIGN.md, "Who uses it"). One person may hold several.</summary>
public static class Roles
{
    public const string Commissioner = "Commissioner";
    public const string Practitioner = "Practitioner";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string ProviderUser = "ProviderUser";
    public const string SupportedPerson = "SupportedPerson";
    public const string Representative = "Representative";
    public const string PanelMember = "PanelMember";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [Commissioner, Practitioner, FinanceOfficer, ProviderUser, SupportedPerson, Representative, PanelMember, Administrator];

    /// <summary>Roles that work for an authority and see its private pages.</summary>
    public static readonly IReadOnlyList<string> AuthorityStaff = [Commissioner, Practitioner, FinanceOfficer];

    /// <summary>Roles that must use an authenticator app (two-factor) to sign in.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Commissioner, Practitioner, FinanceOfficer, Administrator];

    /// <summary>Plain-language name shown to people.</summary>
    public static string DisplayName(string role) => role switch
    {
        Commissioner => "Commissioner",
        Practitioner => "Practitioner",
        FinanceOfficer => "Finance officer",
        ProviderUser => "Provider",
        SupportedPerson => "Supported person",
        Representative => "Representative",
        PanelMember => "Lived-experience panel member",
        Administrator => "Administrator",
        _ => role,
    };
}
