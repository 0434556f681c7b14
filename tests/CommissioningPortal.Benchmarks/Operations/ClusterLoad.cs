using System.Diagnostics;
using CommissioningPortal.Data;
using CommissioningPortal.Data.PostgreSql;
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
        var root = Root();
        var folder = Path.Combine(Path.GetTempPath(), $"portal-cluster-load-{Guid.NewGuid():N}");
        var started = Stopwatch.StartNew();
        var (code, output) = Script(root, new()
        {
            ["CLUSTER_CONFIGURATION"] = "Release",
            ["CLUSTER_SEED_PROVIDERS"] = providers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLUSTER_TASKSET_A"] = "0",
            ["CLUSTER_TASKSET_B"] = "1",
        }, "start", folder);
        try
        {
            if (code != 0) throw new InvalidOperationException("scripts/cluster.sh start failed:\n" + output);
            Console.WriteLine($"// Cluster up with {providers:N0} volume providers in {started.Elapsed.TotalSeconds:0} s (node a on core 0, node b on core 1)");
            var env = File.ReadAllLines(Path.Combine(folder, "cluster.env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

            // The same query as the single-node directory benchmark: the locality with the median number of services.
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            options.UsePostgreSqlPortal(env["CLUSTER_DATABASE"]);
            await using var db = new PortalDbContext(options.Options);
            var localities = await db.ServiceAreas.GroupBy(a => a.LocalityId).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Count).ToListAsync();
            var locality = localities[localities.Count / 2];
            var path = $"/directory?locality={locality.Key}&clientGroup=older-people&supportType=personal-care&q=team";
            Console.WriteLine($"// Locality with {locality.Count} services (median of {localities.Count}); query {path}");

            foreach (var (name, baseUrl) in new[] { ("one node (a, core 0)", env["CLUSTER_NODE_A"]), ("two nodes via nginx", env["CLUSTER_URL"]) })
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
            Script(root, [], "stop", folder);
        }
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CommissioningPortal.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run from the repository (CommissioningPortal.sln not found above " + AppContext.BaseDirectory + ").");
    }

    private static (int Code, string Output) Script(string root, Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "cluster.sh"), .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
