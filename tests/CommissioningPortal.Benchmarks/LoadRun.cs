using System.Diagnostics;

namespace CommissioningPortal.Benchmarks;

/// <summary>wrk against the portal on loopback, in this process (directory.lua prints the figures we report).</summary>
internal static class LoadRun
{
    /// <summary>
    /// wrk's figures, plus what the portal's process spent per request while wrk ran: CPU time,
    /// bytes allocated and GC pause. These depend far less on what else the shared machine runs.
    /// </summary>
    public static string Wrk(string url, int connections, int seconds)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var gcs = GC.CollectionCount(0);
        var result = RunWrk(url, connections, seconds);
        self.Refresh();
        var requests = Math.Max(1, long.Parse(result.Split(' ').First(p => p.StartsWith("requests=", StringComparison.Ordinal))[9..], System.Globalization.CultureInfo.InvariantCulture));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{result} cpu_ms_per_req={(self.TotalProcessorTime - cpu).TotalMilliseconds / requests:0.000} kb_per_req={(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / requests:0.0} gc_pause_ms={(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} gen0={GC.CollectionCount(0) - gcs}");
    }

    /// <summary>wrk's RESULT line: <paramref name="script"/> (beside the binary) prints it; <paramref name="environment"/> reaches the script.</summary>
    public static string RunWrk(string url, int connections, int seconds, string script = "directory.lua", IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", Path.Combine(AppContext.BaseDirectory, script), url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: install it (apt-get install wrk).");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))?[7..]
               ?? throw new InvalidOperationException("wrk gave no result:\n" + output + wrk.StandardError.ReadToEnd());
    }
}
