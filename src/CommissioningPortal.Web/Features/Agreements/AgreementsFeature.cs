using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// Three-way Individual Service Fund agreements: offer, accept, vary, the signed PDF and its
/// verification, and the ISF ledger.
/// </summary>
public static class AgreementsFeature
{
    public static WebApplicationBuilder AddAgreementsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgreementService>();
        builder.Services.AddScoped<AgreementInvitations>();
        builder.Services.AddScoped<LedgerReader>();
        builder.Services.AddScoped<PostLedgerEntry>();
        builder.Services.AddScoped<ReverseLedgerEntry>();
        builder.Services.AddScoped<LedgerAlerts>();
        builder.Services.AddSingleton<AgreementDocuments>();
        builder.Services.AddSingleton(new Processes.FeaturePages.Registration("agreement", id => $"/agreements/{id}"));
        return builder.AddNavigation(new NavigationItem("/agreements", "Agreements", 60)
        {
            Roles = [.. Roles.AuthorityStaff, Roles.ProviderUser, Roles.SupportedPerson, Roles.Representative],
        });
    }
}
