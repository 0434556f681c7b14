namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// Public Social Partnership and alliance workspaces (issue 19, ADR 0022): members with roles and e-mail
/// invitations, the stage bar and gates from the process definition, the decisions log, the shared record,
/// pilot evidence, the partnership report and the registers as CSV. Only members (and the authority's
/// commissioners) see a workspace.
/// </summary>
public static class PartnershipsFeature
{
    public static WebApplicationBuilder AddPartnershipsFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PartnershipAccess>();
        services.AddScoped<FormPartnership>();
        services.AddScoped<InvitePartner>();
        services.AddScoped<JoinPartnership>();
        services.AddScoped<TakePartnershipStep>();
        services.AddScoped<RecordStageEvidence>();
        services.AddScoped<AllianceDecisions>();
        services.AddScoped<SharedRecord>();
        services.AddScoped<PilotEvidence>();
        services.AddScoped<PartnershipReport>();
        services.AddScoped<AllianceBudgets>();
        services.AddSingleton(new Processes.FeaturePages.Registration("partnership", id => $"/partnerships/{id}"));
        return builder.AddNavigation(new NavigationItem("/partnerships", "Partnerships", 33) { Roles = [Domain.Identity.Roles.Commissioner, Domain.Identity.Roles.ProviderUser, Domain.Identity.Roles.PanelMember] });
    }
}
