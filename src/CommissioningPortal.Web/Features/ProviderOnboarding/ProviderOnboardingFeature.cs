using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// The provider's own side of the marketplace: the registration wizard, colleagues, the passport
/// with its evidence, and the services editor — each write one use case in this folder.
/// </summary>
public static class ProviderOnboardingFeature
{
    public static WebApplicationBuilder AddProviderOnboardingFeature(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton<IEvidenceStore, FileSystemEvidenceStore>();
        builder.Services.AddScoped<ProviderAccount>();
        builder.Services.AddScoped<SaveRegistrationStep>();
        builder.Services.AddScoped<SubmitRegistration>();
        builder.Services.AddScoped<InviteColleague>();
        builder.Services.AddScoped<WithdrawInvitation>();
        builder.Services.AddScoped<SendInvitationAgain>();
        builder.Services.AddScoped<AcceptInvitation>();
        builder.Services.AddScoped<SavePassportItem>();
        builder.Services.AddScoped<SaveService>();
        builder.Services.AddScoped<ConfirmCapacity>();
        return builder;
    }

    public static WebApplication MapProviderOnboardingFeature(this WebApplication app)
    {
        app.MapGet("/evidence/{itemId:guid}", DownloadEvidenceAsync).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Streams a passport item's evidence to the provider's own users, and to commissioners and
    /// administrators (who verify it). Always a download, never rendered in the portal's origin.
    /// </summary>
    internal static async Task<IResult> DownloadEvidenceAsync(Guid itemId, HttpContext http, PortalDbContext db, IEvidenceStore store, CancellationToken ct)
    {
        var item = await db.PassportItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        var user = http.User;
        var allowed = item is not null &&
                      (user.IsInRole(Roles.Commissioner) || user.IsInRole(Roles.Administrator) ||
                       (user.IsInRole(Roles.ProviderUser) && user.ProviderIdOf() == item.ProviderId));
        if (item is null || !allowed) return TypedResults.NotFound();
        if (item.EvidenceLocation is null || item.EvidenceContentType is null || store.Open(item.EvidenceLocation) is not { } stream)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(stream, item.EvidenceContentType, EvidenceFile.DownloadName(item.EvidenceFileName, item.EvidenceContentType));
    }
}
