using System.Text.Json;
using System.Text.Json.Serialization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// Data rights for the providers who are people (Personal Assistants) or nearly (micro-providers):
/// a copy of everything held about them, and closing the account, which removes their personal
/// data but keeps the provider row so the agreements they signed — which must be kept — still hold.
/// </summary>
public sealed class ProviderDataRights(PortalDbContext db, UserManager<PortalUser> users, CommissioningPortal.Web.Features.ProviderOnboarding.IEvidenceStore evidence)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Only people and micro-enterprises hold personal data as a provider; organisations close through us.</summary>
    public static bool MayUse(Provider provider) =>
        provider.Kind is ProviderKind.PersonalAssistant or ProviderKind.MicroProvider && !provider.IsClosed;

    /// <summary>Everything held about the provider and the signed-in user, as one JSON document.</summary>
    public async Task<byte[]> ExportAsync(Provider provider, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var roles = await users.GetRolesAsync(user);
        var items = await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == provider.Id).OrderBy(i => i.Kind).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Include(s => s.Areas).Include(s => s.Rates).AsSplitQuery()
            .Where(s => s.ProviderId == provider.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var localityIds = services.SelectMany(s => s.Areas).Select(a => a.LocalityId).Distinct().ToList();
        var localities = await db.Localities.AsNoTracking().Where(l => localityIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var corrections = await db.ProviderCorrections.AsNoTracking().Where(c => c.ProviderId == provider.Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var shortlist = await db.ShortlistEntries.AsNoTracking().Where(e => e.UserId == userId).Select(e => new { e.ProviderId, e.AddedAt }).ToListAsync(ct);
        var agreements = await db.IsfAgreements.AsNoTracking().Where(a => a.ProviderId == provider.Id).Select(a => a.Id).ToListAsync(ct);

        var document = new
        {
            exportedAt = now,
            about = "Everything the Commissioning Portal holds about you as a provider and about your user account. " +
                    "Agreements you are party to are listed by id; open each one in the portal for its text and PDF.",
            provider = new
            {
                provider.Id, provider.Name, provider.Kind, provider.Summary, provider.ContactEmail, provider.Phone, provider.Website,
                provider.AddressLine, provider.Town, provider.Postcode, provider.VerifiedThrough, provider.CreatedAt,
            },
            passportItems = items.Select(i => new
            {
                i.Id, i.Kind, i.Number, i.Details, i.Status, i.VerifiedBy, i.VerifiedAt, i.RejectionReason, i.ExpiresOn,
                careInspectorate = i.Kind == PassportItemKind.CareInspectorateRegistration
                    ? new { serviceType = i.CareServiceType, clientGroups = i.ClientGroupScope, inspectedOn = i.GradedOn, grades = i.Grades }
                    : null,
                evidence = i.EvidenceFileName is null ? null : new { fileName = i.EvidenceFileName, contentType = i.EvidenceContentType, size = i.EvidenceSize },
                i.CreatedAt,
            }),
            services = services.Select(s => new
            {
                s.Id, s.Name, s.Description, s.SupportTypes, s.ClientGroups, s.Languages, s.AccessibilityNotes,
                areas = s.Areas.Select(a => localities.GetValueOrDefault(a.LocalityId, a.LocalityId.ToString())).Order(),
                rates = s.Rates.OrderBy(r => r.Unit).ThenBy(r => r.EffectiveFrom).Select(r => new { r.Unit, r.Amount, r.EffectiveFrom, r.EffectiveTo }),
                s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt, s.CreatedAt, s.UpdatedAt,
            }),
            corrections = corrections.Select(c => new { c.Id, c.WhatIsWrong, c.ReplyEmail, c.Status, c.CreatedAt, c.ResolvedAt, c.ResolvedBy, c.ResolutionNote }),
            agreements,
            userAccount = new
            {
                user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.PhoneNumber, user.PhoneNumberConfirmed,
                user.TwoFactorEnabled, user.CreatedAt, roles,
            },
            shortlist,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    /// <summary>
    /// Closes the account in one transaction: the provider's name, contact details and address are
    /// removed, its passport (numbers, evidence) and services (so the directory and the Open Referral
    /// feed drop it) and corrections are deleted, and its user accounts are deleted. Agreements,
    /// their versions, acceptances and PDFs are not touched.
    /// </summary>
    public async Task CloseAsync(Guid providerId, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        // Deleted in bulk, past the change tracker, so tell every node's directory index here (ADR 0024).
        var serviceIds = await db.Services.Where(s => s.ProviderId == providerId).Select(s => s.Id).ToListAsync(ct);
        db.DirectoryChanges.AddRange(serviceIds.Select(id => new DirectoryChange { ServiceId = id }));
        await db.Services.Where(s => s.ProviderId == providerId).ExecuteDeleteAsync(ct); // areas, rates and tags cascade
        var evidenceFiles = await db.PassportItems.Where(i => i.ProviderId == providerId && i.EvidenceLocation != null).Select(i => i.EvidenceLocation!).ToListAsync(ct);
        await db.PassportItems.Where(i => i.ProviderId == providerId).ExecuteDeleteAsync(ct);
        await db.ProviderInvitations.Where(i => i.ProviderId == providerId).ExecuteDeleteAsync(ct);
        await db.ProviderCorrections.Where(c => c.ProviderId == providerId).ExecuteDeleteAsync(ct);
        var accounts = await db.Users.Where(u => u.ProviderId == providerId).ToListAsync(ct);
        foreach (var account in accounts)
        {
            var deleted = await users.DeleteAsync(account); // roles, claims, logins, tokens and shortlist cascade
            if (!deleted.Succeeded) throw new InvalidOperationException("Could not delete the user account: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
        }
        provider.Close(now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Files last: a failed transaction must not lose the evidence of an account that stays open.
        foreach (var location in evidenceFiles) evidence.Delete(location);
    }
}
