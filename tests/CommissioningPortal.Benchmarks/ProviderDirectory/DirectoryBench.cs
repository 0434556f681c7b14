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

    /// <summary>Starts the portal and seeds the volume data; returns it with the three-filters-and-a-word query.</summary>
    public static async Task<(PortalFactory Portal, DirectoryQuery Query, string Path)> StartAsync(int providers = Providers)
    {
        var portal = BenchPortal.Start();
        await using var scope = portal.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<ProviderSeeder>().SeedAsync(providers);
        Console.WriteLine($"// Seeded {seeded.Providers:N0} providers and {seeded.Services:N0} services in {seeded.Elapsed.TotalSeconds:0.0} s");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A typical locality: the one whose service count is the median.
        var localities = await db.ServiceAreas.GroupBy(a => a.LocalityId).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Count).ToListAsync();
        var locality = localities[localities.Count / 2];
        var query = new DirectoryQuery { Locality = locality.Key, ClientGroup = "older-people", SupportType = "personal-care", Text = Word };
        var path = $"/directory?locality={locality.Key}&clientGroup=older-people&supportType=personal-care&q={Word}";
        Console.WriteLine($"// Locality with {locality.Count} services (median of {localities.Count}); query {path}");
        return (portal, query, path);
    }
}
