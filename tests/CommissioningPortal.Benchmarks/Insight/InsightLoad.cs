using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Insight;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.Insight;

/// <summary>
/// The commissioner insight pages (issue 21) under wrk on loopback: the provider volume data (default 20,000 providers)
/// plus generated people, requests, offers and ISF agreements (half as many requests as providers), Glenmore's
/// commissioner signed in. Target: p95 under 300 ms at 8 connections on each page.
/// </summary>
internal static class InsightLoad
{
    private const int WarmUpSeconds = 5;

    public static async Task<int> RunAsync(int providers, int connections, int seconds)
    {
        var (portal, _, _) = await ProviderDirectory.DirectoryBench.StartAsync(providers);
        using (portal)
        {
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<InsightSeeder>().SeedAsync(providers / 2);
                Console.WriteLine($"// Seeded {seeded.People:N0} people and requests, {seeded.Offers:N0} offers, {seeded.Agreements:N0} agreements in {seeded.Elapsed.TotalSeconds:0.0} s");
            }
            using var client = new PortalClient(portal);
            await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
            var cookie = client.Cookies.GetCookieHeader(portal.BaseAddress);
            Console.WriteLine($"Insight load: wrk -t2 -c{connections} -d{seconds}s --latency -s inbox.lua (signed in as Glenmore's commissioner)");
            foreach (var slug in InsightQueries.Slugs)
            {
                var path = $"/authority/glenmore/insight/{slug}";
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using (var check = await client.GetAsync(path))
                {
                    if (check.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {check.StatusCode}");
                }
                // The first request computes the figures (the cache is empty); wrk then measures what commissioners get within the minute.
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {slug,-12} first request (computed) {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms"));
                var url = new Uri(portal.BaseAddress, path).ToString();
                var environment = new Dictionary<string, string> { ["PORTAL_COOKIE"] = cookie };
                LoadRun.RunWrk(url, connections, WarmUpSeconds, "inbox.lua", environment);
                Console.WriteLine($"  {slug,-12} {LoadRun.RunWrk(url, connections, seconds, "inbox.lua", environment)}");
            }
        }
        return 0;
    }
}
