using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.Opportunities;

/// <summary>
/// The public /opportunities list under wrk on loopback with 5,000 published opportunities (issue 15): two filters
/// (kind and client group), 32 connections. Target: p95 under 100 ms on SQLite.
/// </summary>
internal static class OpportunitiesLoad
{
    private static readonly string[] ClientGroups = ["older-people", "learning-disability", "physical-disability", "mental-health", "children-and-families", "carers"];
    private static readonly string[] Cpv = ["85312000", "85311000", "85320000", "85300000", "98000000"];

    public static async Task<int> RunAsync(int count, int connections, int seconds)
    {
        using var portal = BenchPortal.Start();
        await SeedAsync(portal, count);
        const string path = "/opportunities?kind=OpenTender&clientGroup=older-people";
        using var client = new PortalClient(portal);
        var page = await client.GetPageAsync(path);
        if (page.Status != HttpStatusCode.OK) throw new InvalidOperationException($"The list answered {page.Status}");
        Console.WriteLine($"// {count:N0} published opportunities; {path} shows {page.Document.QuerySelector("main")?.TextContent.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("found", StringComparison.OrdinalIgnoreCase) || l.Contains("opportunit", StringComparison.OrdinalIgnoreCase) && l.Any(char.IsDigit))}");
        foreach (var (name, target) in new[] { ("kind + client group", path), ("no filters", "/opportunities") })
        {
            var url = new Uri(portal.BaseAddress, target).ToString();
            Console.WriteLine($"  {"(warm-up, 5 s)",-20} {LoadRun.Wrk(url, connections, 5)}");
            Console.WriteLine($"  {name,-20} {LoadRun.Wrk(url, connections, seconds)}");
        }
        return 0;
    }

    /// <summary>Published opportunities through the domain's own methods, spread over kinds, client groups, CPV codes and deadlines.</summary>
    internal static async Task SeedAsync(PortalFactory portal, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authorities = await db.Authorities.Select(a => a.Id).ToListAsync();
        var now = portal.Clock.GetUtcNow();
        var kinds = Enum.GetValues<OpportunityKind>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var details = new OpportunityDetails
            {
                Kind = kinds[i % kinds.Length],
                Title = $"Support at home, area {i % 97} (round {i / 97 + 1})",
                Summary = "Care and support at home for people who need it, with the outcomes they choose.",
                CpvCodes = [Cpv[i % Cpv.Length]],
                ClientGroups = [ClientGroups[i % ClientGroups.Length], ClientGroups[(i / 7) % ClientGroups.Length]],
                SubmissionDeadline = now.AddDays(1 + i % 120),
                QualityWeight = 70, PriceWeight = 20, FairWorkWeight = 10,
            };
            var opportunity = Opportunity.CreateDraft(authorities[i % authorities.Count], details with { ClientGroups = details.ClientGroups.Distinct().ToList() }, now, "benchmark");
            opportunity.Publish(now, "benchmark");
            db.Opportunities.Add(opportunity);
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"// Seeded {count:N0} opportunities in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
