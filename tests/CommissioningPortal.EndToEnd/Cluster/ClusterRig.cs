using System.Diagnostics;
using CommissioningPortal.Data;
using CommissioningPortal.Tests.Infrastructure;
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
    private ClusterScript _cluster = null!;

    public FakeSendGridServer SendGrid { get; } = new();

    /// <summary>nginx, in front of both nodes.</summary>
    public Uri Url => new(_cluster.Env["CLUSTER_URL"]);

    public string NodeA => new Uri(_cluster.Env["CLUSTER_NODE_A"]).Authority;
    public string NodeB => new Uri(_cluster.Env["CLUSTER_NODE_B"]).Authority;

    public async ValueTask InitializeAsync() =>
        _cluster = await ClusterScript.StartAsync(new Dictionary<string, string> { ["CLUSTER_SENDGRID_HOST"] = SendGrid.Address });

    /// <summary>SIGKILL one node ("a" or "b"), as a crash would.</summary>
    public void Kill(string node)
    {
        using var process = Process.GetProcessById(int.Parse(_cluster.Env[$"CLUSTER_NODE_{node.ToUpperInvariant()}_PID"], System.Globalization.CultureInfo.InvariantCulture));
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>The cluster's database, read and written directly (to set up work and to count what happened).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var db = _cluster.NewDbContext();
        return await action(db);
    }

    /// <summary>What a node wrote to its log, for a failure's message.</summary>
    public string Log(string node) =>
        File.Exists(Path.Combine(_cluster.Folder, $"node-{node}.log")) ? string.Join("\n", File.ReadLines(Path.Combine(_cluster.Folder, $"node-{node}.log")).TakeLast(40)) : "";

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.StopAsync();
        SendGrid.Dispose();
    }
}

/// <summary>The rig's tests run one at a time (each class starts its own cluster; two at once would share two cores four ways).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster rig";
}
