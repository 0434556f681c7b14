using System.Diagnostics;
using System.Net;
using System.Text;
using CommissioningPortal.Tests.Infrastructure;

namespace CommissioningPortal.Benchmarks.Opportunities;

/// <summary>
/// The OCDS bulk download (issue 15): every release in one package, read end to end over loopback while a sampler
/// records the managed heap. Target: peak managed-memory growth under 50 MB with 10,000 releases. Run it at two sizes
/// to see that the peak does not grow with the number of releases (the feed streams).
/// </summary>
internal static class OcdsBulk
{
    public static async Task<int> RunAsync(int opportunities)
    {
        using var portal = BenchPortal.Start();
        await OpportunitiesLoad.SeedAsync(portal, opportunities);
        using var http = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };

        // A warm-up run (JIT, EF's compiled model and query plans), then the measured one.
        await DownloadAsync(http, sample: false);
        var (releases, bytes, peakGrowth, peakLive, elapsed) = await DownloadAsync(http, sample: true);
        Console.WriteLine($"// {opportunities:N0} published opportunities → {releases:N0} releases, {bytes / 1024.0 / 1024.0:N1} MB of JSON in {elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"  peak managed-memory growth (GC.GetTotalMemory, sampled every 2 ms): {peakGrowth / 1024.0 / 1024.0:N1} MB");
        Console.WriteLine($"  peak heap after a collection (GCMemoryInfo.HeapSizeBytes) growth:    {peakLive / 1024.0 / 1024.0:N1} MB");
        Console.WriteLine(peakGrowth < 50L * 1024 * 1024 ? "  target (< 50 MB): met" : "  target (< 50 MB): NOT met");
        return releases >= 10_000 || opportunities < 10_000 ? 0 : 1;
    }

    private static async Task<(int Releases, long Bytes, long PeakGrowth, long PeakLive, TimeSpan Elapsed)> DownloadAsync(HttpClient http, bool sample)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var baselineLive = GC.GetGCMemoryInfo().HeapSizeBytes;
        long peak = baseline, peakLive = baselineLive;
        using var done = new CancellationTokenSource();
        var sampler = !sample ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                peakLive = Math.Max(peakLive, GC.GetGCMemoryInfo().HeapSizeBytes);
                try { await Task.Delay(2, done.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/api/ocds/releases/bulk", HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The bulk download answered {response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        // Count releases by their "tag" member as the bytes pass, keeping nothing of them.
        var needle = Encoding.UTF8.GetBytes("\"tag\":");
        var buffer = new byte[64 * 1024];
        int releases = 0, matched = 0;
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            for (var i = 0; i < read; i++)
            {
                matched = buffer[i] == needle[matched] ? matched + 1 : buffer[i] == needle[0] ? 1 : 0;
                if (matched == needle.Length) { releases++; matched = 0; }
            }
        }
        var elapsed = clock.Elapsed;
        await done.CancelAsync();
        await sampler;
        return (releases, bytes, peak - baseline, peakLive - baselineLive, elapsed);
    }
}
