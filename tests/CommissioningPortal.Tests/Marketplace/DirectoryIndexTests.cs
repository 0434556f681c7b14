using CommissioningPortal.Data;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Providers;
using CommissioningPortal.Web.Features.ProviderDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>
/// The directory's in-memory index (ADR 0024) is never behind the database: a change saved on one node is
/// found by the next search on every node, including one that commits after a newer change was read.
/// Each database kind gets a portal of its own, as these tests change demo services others count.
/// </summary>
public abstract class DirectoryIndexTests(PortalFactory portal) : PortalTestBase(portal)
{
    /// <summary>A second portal node: its own index and cache, the same database.</summary>
    private readonly DirectoryIndex _nodeB = new();

    private async Task<List<string>> SearchOnNodeBAsync(string word)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var search = new DirectorySearch(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), cache, _nodeB);
        var page = await search.SearchAsync(new DirectoryQuery { Text = word }, Portal.Clock.GetUtcNow(), Ct);
        return page.Results.Select(r => r.ServiceName).ToList();
    }

    private async Task<List<string>> SearchOnNodeAAsync(string word)
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/directory?q={word}");
        return page.Document.QuerySelectorAll(".ds_search-result__title").Select(e => e.TextContent.Trim()).ToList();
    }

    private Task DescribeAsync(string serviceName, string addition) => Portal.WithDbAsync(async db =>
    {
        var service = await db.Services.Include(s => s.Tags).SingleAsync(s => s.Name == serviceName, Ct);
        var provider = await db.Providers.SingleAsync(p => p.Id == service.ProviderId, Ct);
        service.Description += " " + addition;
        service.Reindex(provider);
        await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task A_service_changed_or_removed_on_one_node_is_found_or_gone_at_the_next_search_on_both()
    {
        Assert.Empty(await SearchOnNodeBAsync("selkie"));
        Assert.Empty(await SearchOnNodeAAsync("selkie"));

        await DescribeAsync("Adapted climbing sessions", "Ask about our selkie bouldering nights.");
        Assert.Equal(["Adapted climbing sessions"], await SearchOnNodeBAsync("selkie"));
        Assert.Equal(["Adapted climbing sessions"], await SearchOnNodeAAsync("selkie"));

        // The provider closes its account: its services are deleted in bulk, past the change tracker.
        await Portal.WithDbAsync(async db =>
        {
            var providerId = await db.Services.Where(s => s.Name == "Adapted climbing sessions").Select(s => s.ProviderId).SingleAsync(Ct);
            await using var scope = Portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProviderDataRights>().CloseAsync(providerId, Portal.Clock.GetUtcNow(), Ct);
        });
        Assert.Empty(await SearchOnNodeBAsync("selkie"));
        Assert.Empty(await SearchOnNodeAAsync("selkie"));
        Assert.Empty(await SearchOnNodeBAsync("climbing"));
    }

    [Fact]
    public async Task A_change_that_commits_after_a_newer_one_was_read_is_still_found()
    {
        Assert.Empty(await SearchOnNodeBAsync("kelpie"));
        var (newest, other, late) = await Portal.WithDbAsync(async db => (
            await db.DirectoryChanges.MaxAsync(c => (long?)c.Id, Ct) ?? 0,
            await db.Services.Where(s => s.Name == "Care at home in North Glenmore").Select(s => s.Id).SingleAsync(Ct),
            await db.Services.Where(s => s.Name == "Personal Assistant – older people").Select(s => s.Id).SingleAsync(Ct)));

        // PostgreSQL hands out ids before commit: transaction 2 (the higher id) commits first and node B reads it ...
        await Portal.WithDbAsync(async db =>
        {
            db.DirectoryChanges.Add(new DirectoryChange { Id = newest + 100, ServiceId = other });
            await db.SaveChangesAsync(Ct);
        });
        Assert.Empty(await SearchOnNodeBAsync("kelpie"));

        // ... then transaction 1 commits its change with the lower id.
        await Portal.WithDbAsync(async db =>
        {
            await db.Services.Where(s => s.Id == late).ExecuteUpdateAsync(u => u.SetProperty(s => s.SearchText, s => s.SearchText + " kelpie"), Ct);
            db.DirectoryChanges.Add(new DirectoryChange { Id = newest + 50, ServiceId = late });
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(["Personal Assistant – older people"], await SearchOnNodeBAsync("kelpie"));
    }
}

public sealed class DirectoryIndexSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class DirectoryIndexPostgresPortal() : PortalFactory(PortalFactory.PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class DirectoryIndexOnSqlite(DirectoryIndexSqlitePortal portal) : DirectoryIndexTests(portal), IClassFixture<DirectoryIndexSqlitePortal>;

public sealed class DirectoryIndexOnPostgres(DirectoryIndexPostgresPortal portal) : DirectoryIndexTests(portal), IClassFixture<DirectoryIndexPostgresPortal>;
