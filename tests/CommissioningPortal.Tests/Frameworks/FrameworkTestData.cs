using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.ProviderDirectory;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Tests.Frameworks;

/// <summary>Authorities with a commissioner, listed providers and frameworks made straight in the database, each test its own.</summary>
public static class FrameworkTestData
{
    public sealed record TestAuthority(Guid Id, string Code, string Name, string CommissionerEmail, IReadOnlyList<Guid> Localities);

    public sealed record TestProvider(Guid Id, string Name, string ServiceName);

    /// <summary>A new authority with two localities and a commissioner who signs in like the demo staff (same password and authenticator key).</summary>
    public static async Task<TestAuthority> NewAuthorityAsync(this PortalFactory portal)
    {
        portal.EnsureStarted();
        var code = "fw-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var authority = new Authority { Code = code, Name = $"Test Council {code}" };
        authority.Localities.Add(new Locality { AuthorityId = authority.Id, Code = "east", Name = $"East {code}" });
        authority.Localities.Add(new Locality { AuthorityId = authority.Id, Code = "west", Name = $"West {code}" });
        db.Authorities.Add(authority);
        await db.SaveChangesAsync();
        var email = $"commissioner@{code}.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Commissioner", AuthorityId = authority.Id, CreatedAt = portal.Clock.GetUtcNow() };
        Check(await users.CreateAsync(user, DemoUsers.Password));
        Check(await users.AddToRoleAsync(user, Roles.Commissioner));
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new TestAuthority(authority.Id, code, authority.Name, email, authority.Localities.Select(l => l.Id).ToList());
    }

    /// <summary>A provider with one service the directory lists, named with <paramref name="word"/> so a search finds it.</summary>
    public static async Task<TestProvider> NewListedProviderAsync(this PortalFactory portal, string word, string name)
    {
        return await portal.WithDbAsync(async db =>
        {
            var provider = new Provider { Name = $"{name} {word}", Kind = ProviderKind.RegisteredOrganisation, CreatedAt = portal.Clock.GetUtcNow() };
            db.Providers.Add(provider);
            var service = new Service
            {
                ProviderId = provider.Id, Name = $"{name} support {word}", Description = "Support at home.", SupportTypes = ["care-at-home"], ClientGroups = ["older-people"],
                CreatedAt = portal.Clock.GetUtcNow(),
            };
            service.RecordChange(portal.Clock.GetUtcNow(), null);
            service.Reindex(provider);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return new TestProvider(provider.Id, provider.Name, service.Name);
        });
    }

    /// <summary>A framework of one lot with <paramref name="members"/> admitted, live unless <paramref name="live"/> is false.</summary>
    public static async Task<Guid> NewFrameworkAsync(this PortalFactory portal, Guid authorityId, IEnumerable<Guid> members, bool live = true,
        DateOnly? startsOn = null, DateOnly? endsOn = null, LotMemberStatus status = LotMemberStatus.Admitted)
    {
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var id = await portal.WithDbAsync(async db =>
        {
            var framework = Framework.CreateDraft(authorityId, "T-" + Guid.NewGuid().ToString("N")[..8], "Test framework", null, startsOn ?? today.AddDays(-10), endsOn, now, "Test");
            var lot = framework.AddLot("Everything", null, null, []);
            foreach (var provider in members)
            {
                var member = framework.Admit(lot.Id, provider, "Test provider", today.AddDays(-5), null, now, "Test");
                if (status == LotMemberStatus.Suspended) framework.ChangeStanding(member.Id, StandingChange.Suspend, "Test", now, "Test");
                if (status == LotMemberStatus.Withdrawn) framework.ChangeStanding(member.Id, StandingChange.Withdraw, "Test", now, "Test");
            }
            // Made live through its rule on the day it started, so a framework that has since expired can be made too.
            if (live) framework.MakeLive(framework.StartsOn!.Value, now);
            db.Frameworks.Add(framework);
            await db.SaveChangesAsync();
            return framework.Id;
        });
        // The directory keeps the authorities with live frameworks briefly; the pages forget it on a change, as here.
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FrameworkDirectory>().Changed();
        return id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
