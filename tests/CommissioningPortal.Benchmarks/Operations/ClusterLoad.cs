using System.Diagnostics;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommissioningPortal.Benchmarks.Operations;

/// <summary>
/// Issue 20: directory search on one node and on two nodes behind nginx, side by side. The cluster rig
/// (scripts/cluster.sh) runs PostgreSQL, Redis, nginx and two Release nodes, node a pinned to core 0 and node b to
/// core 1 with taskset, with 20,000 volume providers. wrk hits node a directly (one node), then nginx (both).
/// On a 2-core machine wrk, nginx and PostgreSQL share the same two cores, which is what limits the ratio.
/// </summary>
internal static class ClusterLoad
{
    public static async Task<int> RunAsync(int providers, int connections, int seconds)
    {
        var started = Stopwatch.StartNew();
        var cluster = await ClusterScript.StartAsync(new Dictionary<string, string>
        {
            ["CLUSTER_SEED_PROVIDERS"] = providers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLUSTER_TASKSET_A"] = "0",
            ["CLUSTER_TASKSET_B"] = "1",
        });
        try
        {
            Console.WriteLine($"// Cluster up with {providers:N0} volume providers in {started.Elapsed.TotalSeconds:0} s (node a on core 0, node b on core 1)");

            // The same query as the single-node directory benchmark: the locality with the median number of services.
            await using var db = cluster.NewDbContext();
            var localities = await db.ServiceAreas.GroupBy(a => a.LocalityId).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Count).ToListAsync();
            var locality = localities[localities.Count / 2];
            var path = $"/directory?locality={locality.Key}&clientGroup=older-people&supportType=personal-care&q=team";
            Console.WriteLine($"// Locality with {locality.Count} services (median of {localities.Count}); query {path}");

            foreach (var (name, baseUrl) in new[] { ("one node (a, core 0)", cluster.Env["CLUSTER_NODE_A"]), ("two nodes via nginx", cluster.Env["CLUSTER_URL"]) })
            {
                var url = baseUrl + path;
                Console.WriteLine($"  {"(warm-up, 10 s)",-22} {LoadRun.RunWrk(url, connections, 10)}");
                Console.WriteLine($"  {name,-22} {LoadRun.RunWrk(url, connections, seconds)}");
            }
            Console.WriteLine($"  wrk -t2 -c{connections} -d{seconds}s --latency -s directory.lua <node a or nginx>{path}");
            return 0;
        }
        finally
        {
            await cluster.StopAsync();
        }
    }
}
