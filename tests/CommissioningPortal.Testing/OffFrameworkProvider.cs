using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// A micro-provider not on Glenmore's framework, verified (PVG, insurance, registration), with one service in North
/// Glenmore and a provider user: the off-framework choice of the person's journey (integration and browser tests).
/// </summary>
public static class OffFrameworkProvider
{
    public sealed record Seeded(Guid ProviderId, string Name, string Email);

    public static async Task<Seeded> AddAsync(PortalFactory portal, string tag, IReadOnlyList<string> supportTypes, IReadOnlyList<string> clientGroups,
        IReadOnlyList<string> languages, CancellationToken ct)
    {
        var name = $"Glen Croft Helpers {tag}";
        var lower = tag.ToLowerInvariant();
        var email = $"helpers-{lower}@croft.example";
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var glenmore = await db.Authorities.Where(a => a.Code == "glenmore").Select(a => a.Id).SingleAsync(ct);
        var north = await db.Localities.Where(l => l.AuthorityId == glenmore && l.Code == "north").Select(l => l.Id).SingleAsync(ct);
        var provider = new Provider { Name = name, Kind = ProviderKind.MicroProvider, ContactEmail = $"office-{lower}@croft.example", Town = "Glenmore", CreatedAt = now, VerifiedThrough = today.AddDays(365) };
        db.Providers.Add(provider);
        foreach (var kind in new[] { PassportItemKind.Pvg, PassportItemKind.PublicLiability, PassportItemKind.CharityOrCompanyNumber })
        {
            var item = new PassportItem { ProviderId = provider.Id, Kind = kind, Number = "SC" + tag, ExpiresOn = today.AddDays(300) };
            item.Verify("test verifier", now);
            db.PassportItems.Add(item);
        }
        var service = new Service
        {
            ProviderId = provider.Id, Name = "Support to get out and about", Description = "Small team, local people.",
            SupportTypes = [.. supportTypes], ClientGroups = [.. clientGroups], Languages = [.. languages], CreatedAt = now,
        };
        service.CoverLocalities([(glenmore, north)]);
        service.ConfirmCapacity(20, today, now);
        service.Reindex(provider);
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Shona ({name})", ProviderId = provider.Id, CreatedAt = now };
        if (!(await users.CreateAsync(user, DemoUsers.Password)).Succeeded || !(await users.AddToRoleAsync(user, Roles.ProviderUser)).Succeeded)
            throw new InvalidOperationException($"Could not create the provider user {email}.");
        return new Seeded(provider.Id, name, email);
    }
}
