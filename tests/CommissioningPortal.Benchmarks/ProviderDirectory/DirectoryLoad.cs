using System.Diagnostics;
using System.Net;
using CommissioningPortal.Tests.Infrastructure;

namespace CommissioningPortal.Benchmarks.ProviderDirectory;

/// <summary>
/// The public /directory page under wrk on loopback (2 cores shared by wrk and the portal), with
/// 20,000 providers and 60,000 services and three filters plus a search word.
/// Target: at least 300 requests/s with p95 under 100 ms at 32 connections (issue 4).
/// </summary>
internal static class DirectoryLoad
{
    private const int WarmUpSeconds = 5;

    public static async Task<int> RunAsync(int providers, int connections, int seconds)
    {
        var (portal, _, path) = await DirectoryBench.StartAsync(providers);
        using (portal)
        {
            using var client = new PortalClient(portal);
            var page = await client.GetPageAsync(path);
            if (page.Status != HttpStatusCode.OK || page.Document.QuerySelectorAll(".ds_search-result").Length == 0)
            {
                throw new InvalidOperationException($"The directory did not answer 200 with results: {page.Status}");
            }
            // One request at a time first: what a page costs on its own, before queueing under load.
            // Its CPU time and allocations (the portal and this client together) move less with the machine's load than its latency.
            var alone = new List<double>();
            var bytes = 0;
            TimeSpan cpu = default;
            long allocated = 0;
            using var self = Process.GetCurrentProcess();
            for (var i = 0; i < 800; i++)
            {
                if (i == 300)
                {
                    self.Refresh();
                    cpu = self.TotalProcessorTime;
                    allocated = GC.GetTotalAllocatedBytes();
                }
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                if (i >= 300) alone.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            self.Refresh();
            var cpuPerRequest = (self.TotalProcessorTime - cpu).TotalMilliseconds / alone.Count;
            var kbPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / alone.Count;
            alone.Sort();
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  one at a time        median_ms={alone[alone.Count / 2]:0.00} p95_ms={alone[(int)(alone.Count * 0.95)]:0.00} bytes={bytes} cpu_ms_per_req={cpuPerRequest:0.000} kb_per_req={kbPerRequest:0.0}"));
            var url = new Uri(portal.BaseAddress, path).ToString();
            Console.WriteLine($"  GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}; {Environment.ProcessorCount} processors");
            Console.WriteLine($"Directory load: wrk -t2 -c{connections} -d{seconds}s --latency -s directory.lua '{url}'");
            foreach (var (name, target) in new[] { ("3 filters + a word", url), ("no filters", new Uri(portal.BaseAddress, "/directory").ToString()) })
            {
                // Five seconds at the same concurrency first, not counted: the runtime finishes tiering up
                // (tiered PGO recompiles the hot path) and the heap reaches its size under load, so the
                // measured run is the steady state a long-running portal is in, not its first seconds.
                Console.WriteLine($"  {"(warm-up, 5 s)",-20} {LoadRun.Wrk(target, connections, WarmUpSeconds)}");
                Console.WriteLine($"  {name,-20} {LoadRun.Wrk(target, connections, seconds)}");
            }
        }
        return 0;
    }
}
