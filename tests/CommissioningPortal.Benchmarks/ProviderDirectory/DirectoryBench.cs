using CommissioningPortal.Data;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.ProviderDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.ProviderDirectory;

/// <summary>The portal with 20,000 generated providers (60,000 services) and the search the issue measures.</summary>
internal static class DirectoryBench
{
    public const int Providers = 20_000;
    public const string Word = "team";

    /// <summary>
    /// Set to a file path to seed once and reuse: the first run saves its seeded SQLite database
    /// there, later runs start from a copy (seeding takes minutes on two shared cores, and every
    /// run then measures the same data and the same locality).
    /// </summary>
    public const string SeededDatabaseVariable = "DIRECTORY_BENCH_DB";

    /// <summary>Starts the portal and seeds the volume data; returns it with the three-filters-and-a-word query.</summary>
    public static async Task<(PortalFactory Portal, DirectoryQuery Query, string Path)> StartAsync(int providers = Providers)
    {
        var saved = Environment.GetEnvironmentVariable(SeededDatabaseVariable) is { Length: > 0 } file ? $"{file}.{providers}" : null;
        var reuse = saved is not null && File.Exists(saved);
        var portal = BenchPortal.Start(p =>
        {
            if (reuse) File.Copy(saved!, Path.Combine(p.Folder, "portal.db"));
        });
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (reuse)
        {
            Console.WriteLine($"// Reused the seeded database {saved} ({await db.Providers.CountAsync():N0} providers, {await db.Services.CountAsync():N0} services)");
        }
        else
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<ProviderSeeder>().SeedAsync(providers);
            Console.WriteLine($"// Seeded {seeded.Providers:N0} providers and {seeded.Services:N0} services in {seeded.Elapsed.TotalSeconds:0.0} s");
            if (saved is not null)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                File.Copy(Path.Combine(portal.Folder, "portal.db"), saved, overwrite: true);
            }
        }
        // A typical locality: the one whose service count is the median.
        var localities = await db.ServiceAreas.GroupBy(a => a.LocalityId).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Count).ToListAsync();
        var locality = localities[localities.Count / 2];
        var query = new DirectoryQuery { Locality = locality.Key, ClientGroup = "older-people", SupportType = "personal-care", Text = Word };
        var path = $"/directory?locality={locality.Key}&clientGroup=older-people&supportType=personal-care&q={Word}";
        Console.WriteLine($"// Locality with {locality.Count} services (median of {localities.Count}); query {path}");
        return (portal, query, path);
    }
}
