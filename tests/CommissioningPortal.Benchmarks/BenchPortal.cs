using CommissioningPortal.Data;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Benchmarks;

/// <summary>
/// The real portal (Kestrel, SQLite file in WAL mode, migrations, demo data) with the shipped
/// process definitions plus the benchmark's own loop, background services quiet (no workflow timers, no
/// passport expiry job; the e-mail outbox polls as in production), logging at warnings.
/// </summary>
internal static class BenchPortal
{
    public static PortalFactory Start(Action<PortalFactory>? beforeStart = null)
    {
        var definitions = Directory.CreateTempSubdirectory("bench-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflow-definitions"), "*.json"))
        {
            File.Copy(file, Path.Combine(definitions, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Workflows", "loop.v1.json"), Path.Combine(definitions, "loop.v1.json"));
        var portal = new PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Workflows:DefinitionsFolder"] = definitions,
            ["Workflows:TimersEnabled"] = "false",
            // The daily passport job would otherwise spend the measured minutes catching up on the
            // volume data's ~850 reminder e-mails (a one-off after seeding, not load the pages make).
            ["Passport:ExpiryJobEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        });
        beforeStart?.Invoke(portal);
        portal.EnsureStarted();
        return portal;
    }

    public static readonly WorkflowActor Commissioner = new("Benchmark commissioner", [Domain.Identity.Roles.Commissioner]);

    /// <summary>Starts <paramref name="count"/> loop instances in Glenmore, each with an open task for its commissioners.</summary>
    public static async Task<List<Guid>> StartLoopsAsync(PortalFactory portal, int count)
    {
        var ids = new List<Guid>(count);
        Guid glenmore;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            glenmore = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Authorities.Where(a => a.Code == "glenmore").Select(a => a.Id).SingleAsync();
        }
        for (var i = 0; i < count; i++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            ids.Add((await runtime.StartAsync("loop", $"Package {i + 1:00000}", glenmore, null, Commissioner)).Id);
        }
        return ids;
    }
}
