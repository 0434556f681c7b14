using System.Diagnostics;
using System.Net;
using CommissioningPortal.Tests.Infrastructure;

namespace CommissioningPortal.Benchmarks.Workflows;

/// <summary>
/// The task inbox under load with wrk on loopback: first with the demo data only, then with
/// 10,000 active process instances whose tasks all land in the commissioner's inbox.
/// Target: p95 under 100 ms with 10,000 instances (issue 3).
/// </summary>
internal static class InboxLoad
{
    public static async Task<int> RunAsync(int instances, int connections, int seconds)
    {
        using var portal = BenchPortal.Start();
        using var client = new PortalClient(portal);
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var cookie = client.Cookies.GetCookieHeader(portal.BaseAddress);
        var url = new Uri(portal.BaseAddress, "/tasks").ToString();

        Console.WriteLine($"Inbox load: wrk -t2 -c{connections} -d{seconds}s against {url} (2 cores shared by wrk and the portal)");
        await CheckAsync(client, expectTasks: 0);
        var before = Wrk(url, cookie, connections, seconds);
        Console.WriteLine($"  demo data only:            {before}");

        var watch = Stopwatch.StartNew();
        await BenchPortal.StartLoopsAsync(portal, instances);
        Console.WriteLine($"  started {instances:N0} instances in {watch.Elapsed.TotalSeconds:0.0} s");
        await CheckAsync(client, expectTasks: instances);
        var after = Wrk(url, cookie, connections, seconds);
        Console.WriteLine($"  with {instances:N0} active instances: {after}");
        return 0;
    }

    /// <summary>The cookie really gives the inbox (not a redirect to sign in), with the expected count.</summary>
    private static async Task CheckAsync(PortalClient client, int expectTasks)
    {
        var response = await client.GetAsync("/tasks");
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("Your tasks", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The inbox did not answer 200 for the signed-in commissioner: {response.StatusCode}");
        }
        if (expectTasks > 0 && !html.Contains($"{expectTasks:#,0} open tasks", StringComparison.Ordinal) && !html.Contains($"{expectTasks} open tasks", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The inbox does not show {expectTasks} open tasks.");
        }
    }

    private static string Wrk(string url, string cookie, int connections, int seconds) =>
        LoadRun.RunWrk(url, connections, seconds, "inbox.lua", new Dictionary<string, string> { ["PORTAL_COOKIE"] = cookie });
}
