using BenchmarkDotNet.Attributes;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.Workflows;

/// <summary>
/// Persisted transitions per second on SQLite: each operation is one FireAsync in its own DI scope
/// (as a request has), one database transaction that moves the instance, writes its history,
/// closes one task and opens the next. Target: at least 1,000 per second (issue 3).
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmarks
{
    private const int Batch = 200;
    private PortalFactory _portal = null!;
    private List<Guid> _instances = null!;
    private bool[] _checked = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _portal = BenchPortal.Start();
        _instances = BenchPortal.StartLoopsAsync(_portal, 1_000).GetAwaiter().GetResult();
        _checked = new bool[_instances.Count];
    }

    [GlobalCleanup]
    public void Cleanup() => _portal.Dispose();

    [Benchmark(OperationsPerInvoke = Batch, Description = "One persisted transition (SQLite)")]
    public async Task Fire()
    {
        for (var i = 0; i < Batch; i++) await FireOneAsync(_next++ % _instances.Count);
    }

    private async Task FireOneAsync(int index)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var result = await runtime.FireAsync(_instances[index], _checked[index] ? "reopen" : "check", BenchPortal.Commissioner);
        if (result.Outcome != FireOutcome.Fired) throw new InvalidOperationException($"Transition not fired: {result.Outcome} {result.Message}");
        _checked[index] = !_checked[index];
    }
}
