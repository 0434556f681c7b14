using System.Diagnostics;
using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Data.PostgreSql;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.EndToEnd.Cluster;

/// <summary>
/// The cluster rig of issue 20, started by <c>scripts/cluster.sh</c> (the script an operator runs too):
/// PostgreSQL, Redis and nginx from Debian's packages on loopback ports in a temporary folder, two portal nodes
/// (the built binary, in Production) on the same database, nginx round-robin in front. The nodes send mail to a
/// fake SendGrid on loopback, so every send can be counted. Everything stops when the tests that use it end.
/// </summary>
public sealed class ClusterRig : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"portal-cluster-{Guid.NewGuid():N}");
    private Dictionary<string, string> _env = [];

    public FakeSendGridServer SendGrid { get; } = new();

    /// <summary>nginx, in front of both nodes.</summary>
    public Uri Url => new(_env["CLUSTER_URL"]);

    public string NodeA => Authority(_env["CLUSTER_NODE_A"]);
    public string NodeB => Authority(_env["CLUSTER_NODE_B"]);

    private static string Authority(string url) => new Uri(url).Authority;

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "CommissioningPortal.sln"))) return folder.FullName;
            throw new InvalidOperationException("The repository root (CommissioningPortal.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var (code, output) = await ScriptAsync(new() { ["CLUSTER_CONFIGURATION"] = configuration, ["CLUSTER_SENDGRID_HOST"] = SendGrid.Address }, "start", _folder);
        if (code != 0) throw new InvalidOperationException($"scripts/cluster.sh start failed ({code}):\n{output}");
        _env = File.ReadAllLines(Path.Combine(_folder, "cluster.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>SIGKILL one node ("a" or "b"), as a crash would.</summary>
    public void Kill(string node)
    {
        using var process = Process.GetProcessById(int.Parse(_env[$"CLUSTER_NODE_{node.ToUpperInvariant()}_PID"], System.Globalization.CultureInfo.InvariantCulture));
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>The cluster's database, read and written directly (to set up work and to count what happened).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePostgreSqlPortal(_env["CLUSTER_DATABASE"]);
        await using var db = new PortalDbContext(options.Options);
        return await action(db);
    }

    /// <summary>What a node wrote to its log, for a failure's message.</summary>
    public string Log(string node) =>
        File.Exists(Path.Combine(_folder, $"node-{node}.log")) ? string.Join("\n", File.ReadLines(Path.Combine(_folder, $"node-{node}.log")).TakeLast(40)) : "";

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync([], "stop", _folder);
        SendGrid.Dispose();
    }

    private static async Task<(int Code, string Output)> ScriptAsync(Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "cluster.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>The rig's tests run one at a time (each class starts its own cluster; two at once would share two cores four ways).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster rig";
}
