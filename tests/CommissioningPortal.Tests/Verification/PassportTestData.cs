using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;

namespace CommissioningPortal.Tests.Verification;

/// <summary>A fresh self-employed Personal Assistant with PVG and public liability items, written straight to the database.</summary>
public sealed record TestPa(Guid ProviderId, string Name, string Email, Guid Pvg, Guid Insurance, Guid? ServiceId, string? ServiceWord);

public static class PassportTestData
{
    public static async Task<TestPa> NewPersonalAssistantAsync(PortalFactory portal, bool verified, DateOnly? insuranceExpiresOn = null, bool withService = false)
    {
        var word = $"zq{Guid.NewGuid():N}"[..12];
        var name = $"Test PA {word}";
        var email = $"{word}@pa.example";
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var provider = new Provider { Name = name, Kind = ProviderKind.PersonalAssistant, ContactEmail = email, CreatedAt = now, Summary = "Support at home" };
        var pvg = new PassportItem
        {
            ProviderId = provider.Id, Kind = PassportItemKind.Pvg, Number = "1111 2222 3333 4444", EvidenceFileName = "pvg.pdf",
            EvidenceContentType = "application/pdf", CreatedAt = now.AddSeconds(1),
        };
        var insurance = new PassportItem
        {
            ProviderId = provider.Id, Kind = PassportItemKind.PublicLiability, Number = "PL-" + word, Details = "£1m",
            ExpiresOn = insuranceExpiresOn ?? today.AddDays(365), EvidenceFileName = "insurance.pdf", EvidenceContentType = "application/pdf",
            CreatedAt = now.AddSeconds(2),
        };
        if (verified)
        {
            pvg.Verify("Test commissioner", now);
            insurance.Verify("Test commissioner", now);
        }
        Service? service = null;
        if (withService)
        {
            service = new Service
            {
                ProviderId = provider.Id, Name = $"Help at home {word}", Description = $"Everyday support at home ({word}).",
                SupportTypes = ["personal-care"], ClientGroups = ["older-people"], Languages = ["en"],
            };
            service.ConfirmCapacity(10, null, now);
            service.Reindex(provider);
        }
        ProviderVerification.Refresh(provider, [pvg, insurance], today, service is null ? [] : [service]);
        await portal.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            db.PassportItems.AddRange(pvg, insurance);
            if (service is not null) db.Services.Add(service);
            await db.SaveChangesAsync();
        });
        return new TestPa(provider.Id, name, email, pvg.Id, insurance.Id, service?.Id, word);
    }
}
