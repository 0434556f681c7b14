namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// Tendering (issue 15 parts 3–5): clarification questions and answers, the questionnaire a commissioner builds
/// for an opportunity, and providers' responses, sealed below the page layer until two of the authority's users
/// open them after the deadline (ADR 0019). Each write is one use case in this folder.
/// </summary>
public static class TenderingFeature
{
    /// <summary>Configuration switch for the deadline reminders (on unless set to false).</summary>
    public const string RemindersEnabledKey = "Tendering:RemindersEnabled";

    public static WebApplicationBuilder AddTenderingFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TenderingNotices>();
        builder.Services.AddScoped<BuildQuestionnaire>();
        builder.Services.AddScoped<ResponseForms>();
        builder.Services.AddScoped<SaveResponse>();
        builder.Services.AddScoped<AttachDocument>();
        builder.Services.AddScoped<WithdrawResponse>();
        builder.Services.AddScoped<AskQuestion>();
        builder.Services.AddScoped<AnswerQuestion>();
        builder.Services.AddScoped<OpenResponses>();
        builder.Services.AddScoped<ResponseReading>();
        builder.Services.AddScoped<ConsortiumInvitations>();
        // Checked every quarter of an hour; what is due is decided with the portal's clock.
        builder.Services.AddScheduledWork<SendDeadlineReminders>(TimeSpan.FromMinutes(15), builder.Configuration.GetValue(RemindersEnabledKey, true));
        return builder
            .AddNavigation(new NavigationItem("/tendering", "Tenders", 26) { Policy = Policies.Commissioner })
            .AddNavigation(new NavigationItem("/tenders/mine", "My responses", 27) { Policy = Policies.ProviderUser });
    }
}
