using BenchmarkDotNet.Attributes;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.ProviderDirectory;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.ProviderDirectory;

/// <summary>
/// The directory's first page in process on SQLite with 20,000 providers and 60,000 services:
/// three filters (locality, client group, support type) and a search word, as the page runs it
/// (count, ordered ids, rows, providers, rates) in its own DI scope. Target: median under 20 ms (issue 4).
/// </summary>
[MemoryDiagnoser, MedianColumn, MinColumn, MaxColumn]
public class DirectorySearchBenchmarks
{
    private PortalFactory _portal = null!;
    private DirectoryQuery _query = null!;
    private DirectoryQuery _unfiltered = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_portal, _query, _) = DirectoryBench.StartAsync().GetAwaiter().GetResult();
        _unfiltered = new DirectoryQuery();
        var first = Search(_query).GetAwaiter().GetResult();
        if (first.Total == 0) throw new InvalidOperationException("The benchmark query finds nothing: pick another word.");
        Console.WriteLine($"// Three filters and '{DirectoryBench.Word}': {first.Total} results");
    }

    [GlobalCleanup]
    public void Cleanup() => _portal.Dispose();

    [Benchmark(Description = "First page: 3 filters + a word (SQLite, 60,000 services)")]
    public Task<DirectoryPage> ThreeFiltersAndAWord() => Search(_query);

    [Benchmark(Description = "First page: no filters (SQLite, 60,000 services)")]
    public Task<DirectoryPage> NoFilters() => Search(_unfiltered);

    private async Task<DirectoryPage> Search(DirectoryQuery query)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<DirectorySearch>();
        return await search.SearchAsync(query, _portal.Clock.GetUtcNow(), CancellationToken.None);
    }
}
