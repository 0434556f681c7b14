using System.Diagnostics;
using CommissioningPortal.Data;
using CommissioningPortal.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// <c>scripts/cluster.sh</c> driven from .NET (the rig's tests and the cluster load benchmark): start it in a folder of
/// its own with the given <c>CLUSTER_*</c> settings, read what it wrote to <c>cluster.env</c>, open its database, stop it.
/// </summary>
public sealed class ClusterScript
{
    private ClusterScript(string folder, IReadOnlyDictionary<string, string> env) => (Folder, Env) = (folder, env);

    public string Folder { get; }

    /// <summary>The addresses, database and node pids the script wrote to <c>cluster.env</c>.</summary>
    public IReadOnlyDictionary<string, string> Env { get; }

    public static async Task<ClusterScript> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-cluster-{Guid.NewGuid():N}");
        var (code, output) = await RunAsync(settings, "start", folder);
        if (code != 0)
        {
            await RunAsync(new Dictionary<string, string>(), "stop", folder);
            throw new InvalidOperationException($"scripts/cluster.sh start failed ({code}):\n{output}");
        }
        var env = File.ReadAllLines(Path.Combine(folder, "cluster.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new ClusterScript(folder, env);
    }

    /// <summary>A context on the cluster's PostgreSQL database (the caller disposes it).</summary>
    public PortalDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePostgreSqlPortal(Env["CLUSTER_DATABASE"]);
        return new PortalDbContext(options.Options);
    }

    public Task StopAsync() => RunAsync(new Dictionary<string, string>(), "stop", Folder);

    private static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, string command, string folder)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "cluster.sh"), command, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        info.Environment["CLUSTER_CONFIGURATION"] = Repository.Configuration;
        foreach (var (key, value) in settings) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
