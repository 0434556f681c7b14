using BenchmarkDotNet.Attributes;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks.Requests;

/// <summary>
/// Matching a request against 20,000 providers and 60,000 services on SQLite (issue 17): the services
/// in the request's locality, of its support type and client group, ranked by fit (capacity, verified
/// passport, language), one row per provider, as posting a request runs it in its own DI scope.
/// Target: median under 50 ms.
/// </summary>
[MemoryDiagnoser, MedianColumn, MinColumn, MaxColumn]
public class MatchBenchmarks
{
    private PortalFactory _portal = null!;
    private SupportRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        PortalFactory portal;
        Guid locality;
        (portal, var query, _) = ProviderDirectory.DirectoryBench.StartAsync().GetAwaiter().GetResult();
        _portal = portal;
        locality = query.Locality!.Value;
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authority = db.Localities.Where(l => l.Id == locality).Select(l => l.AuthorityId).Single();
        var person = new SupportedPerson { Name = "Benchmark person", AuthorityId = authority };
        var start = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        _request = SupportRequest.Post(person, "BEN-REQ-0001",
            new SupportRequest.Details("Go swimming every week", "personal-care", "older-people", locality, 10, 300, start, null, "gd"), "benchmark", _portal.Clock.GetUtcNow());
        var first = Match().GetAwaiter().GetResult();
        if (first.Count == 0) throw new InvalidOperationException("The benchmark request matches nobody: pick another locality.");
        Console.WriteLine($"// Request in locality {locality}: {first.Count} providers matched, best fit {first[0].Points} points");
    }

    [GlobalCleanup]
    public void Cleanup() => _portal.Dispose();

    [Benchmark(Description = "Match a request, ranked (SQLite, 20,000 providers, 60,000 services)")]
    public Task<IReadOnlyList<MatchCandidate>> Match() => MatchAsync();

    private async Task<IReadOnlyList<MatchCandidate>> MatchAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var matching = scope.ServiceProvider.GetRequiredService<RequestMatching>();
        return await matching.RankedCandidatesAsync(_request, CancellationToken.None);
    }
}
