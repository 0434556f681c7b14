using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

/// <summary>
/// Issue 20 item 3: a process killed mid-transaction leaves no half-written state. The portal runs as a process of its
/// own on a real PostgreSQL database. A provider saves a new service (the service, its areas, its rate, its change
/// record and its search entry: one unit of work). The test holds a share lock on the rates table (reads go on, writes wait), so the portal's
/// transaction stops half-way: PostgreSQL shows its backend waiting with a transaction id of its own, so it has
/// already written. The portal is then killed (SIGKILL: no clean-up code runs), the lock released, and the database
/// holds nothing of the service — not the service row written before the wait, not its areas — and the portal,
/// started again, shows the provider no such service.
/// </summary>
public sealed class KilledMidTransactionTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalFactory? _portal;

    public ValueTask InitializeAsync()
    {
        if (!PortalFactory.PostgresAvailable)
            Assert.Skip($"Needs PostgreSQL ({PortalFactory.PostgresVariable}; ./test.sh starts one): SQLite takes its write lock before the first write, so it cannot be stopped half-way.");
        _portal = new PortalFactory(DatabaseKind.PostgreSql, new Dictionary<string, string?>(PortalFactory.QuietBackground));
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null) await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_portal_killed_while_saving_a_service_leaves_nothing_of_it()
    {
        var portal = _portal!;
        var (email, providerId) = await portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (supportType, clientGroup, locality) = await portal.WithDbAsync(async db => (
            await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.SupportType).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(Ct),
            await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(Ct),
            await db.Localities.OrderBy(l => l.Name).Select(l => l.Id).FirstAsync(Ct)));
        const string name = "Befriending (saved as the portal died)";

        using var node = await PortalProcess.StartAsync(portal, Ct);
        using var client = new PortalClient(portal, node.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, ProviderTestData.Password)).StatusCode);
        var form = await client.GetPageAsync("/provider/services/edit");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        await using var locker = new NpgsqlConnection(portal.ConnectionString);
        await locker.OpenAsync(Ct);
        var hold = await locker.BeginTransactionAsync(Ct);
        await using (var lockRates = new NpgsqlCommand("LOCK TABLE \"ServiceRates\" IN SHARE MODE", locker, hold))
            await lockRates.ExecuteNonQueryAsync(Ct);

        // Watched from a connection of its own: inside a transaction PostgreSQL keeps showing the activity it first saw.
        await using var watcher = new NpgsqlConnection(portal.ConnectionString);
        await watcher.OpenAsync(Ct);
        var saving = client.PostFormAsync(form, [("Name", name), ("Description", "Visits at home for a chat and a walk."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", locality.ToString()), ("Languages", "en"),
            ("RateAmount", "18.50"), ("RateUnit", "PerHour"), ("RateFrom", ""), ("HoursFreePerWeek", "6"), ("EarliestStart", "")]);

        // The portal's backend: waiting for the rates table, with a transaction id (it has written the service already).
        var waiting = await WaitForAsync(async () =>
        {
            await using var look = new NpgsqlCommand("""
                SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND l.relation = '"ServiceRates"'::regclass AND a.backend_xid IS NOT NULL
                """, watcher);
            return await look.ExecuteScalarAsync(Ct) is int pid ? pid : (int?)null;
        });
        if (waiting is null)
        {
            await using var locks = new NpgsqlCommand("SELECT string_agg(l.locktype || ':' || coalesce(l.relation::regclass::text, '') || ':' || l.mode || ':' || l.granted || ':' || coalesce(a.backend_xid::text, '-') || ':' || left(coalesce(a.query, ''), 80), E'\\n') FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.datname = current_database()", watcher);
            var done = saving.IsCompleted ? (saving.IsCompletedSuccessfully ? ((int)(await saving).StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : saving.Exception?.Message) : "still waiting";
            Assert.Fail($"the portal's save never reached the rates table with a transaction open; the save: {done}; locks:\n{await locks.ExecuteScalarAsync(Ct)}\nthe portal said:\n{node.Log[^Math.Min(6000, node.Log.Length)..]}");
        }

        node.Kill();
        await Assert.ThrowsAnyAsync<Exception>(() => saving); // the connection died with the process
        await hold.RollbackAsync(Ct); // let the orphaned backend go on: it finds its client gone and its transaction is rolled back

        var gone = await WaitForAsync(async () =>
        {
            await using var look = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = @pid", watcher);
            look.Parameters.AddWithValue("pid", waiting!.Value);
            return (long)(await look.ExecuteScalarAsync(Ct))! == 0 ? true : (bool?)null;
        });
        Assert.True(gone, "the dead portal's database session never ended");

        Assert.False(await portal.WithDbAsync(db => db.Services.AnyAsync(s => s.ProviderId == providerId, Ct)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<ServiceArea>().CountAsync(a => !db.Services.Any(s => s.Id == a.ServiceId), Ct)));

        // Started again on the same database, the portal shows the provider no service, and saving it now works.
        using var again = await PortalProcess.StartAsync(portal, Ct);
        using var back = new PortalClient(portal, again.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await back.SignInAsync(email, ProviderTestData.Password)).StatusCode);
        var services = await back.GetPageAsync("/provider/services");
        Assert.DoesNotContain(name, services.Text);
        var retry = await back.GetPageAsync("/provider/services/edit");
        var saved = await back.PostFormAsync(retry, [("Name", name), ("Description", "Visits at home for a chat and a walk."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", locality.ToString()), ("Languages", "en"),
            ("RateAmount", "18.50"), ("RateUnit", "PerHour"), ("RateFrom", ""), ("HoursFreePerWeek", "6"), ("EarliestStart", "")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Services.CountAsync(s => s.ProviderId == providerId, Ct)));
    }

    /// <summary>Polls until the check gives a value; a generous bound so a slow shared machine is not a failure.</summary>
    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> check) where T : struct
    {
        for (var i = 0; i < 600; i++)
        {
            if (await check() is { } value) return value;
            await Task.Delay(100, Ct);
        }
        return null;
    }
}

/// <summary>The portal started as a process of its own (the built CommissioningPortal.Web.dll) on a test portal's database.</summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log;

    private PortalProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    /// <summary>What the process has written so far (for a failure's message).</summary>
    public string Log => string.Join("\n", _log);

    public static async Task<PortalProcess> StartAsync(PortalFactory portal, CancellationToken ct)
    {
        var port = FreePort();
        var web = Path.Combine(Repository.Root, "src", "CommissioningPortal.Web");
        var dll = Path.Combine(web, "bin", Repository.Configuration, "net10.0", "CommissioningPortal.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the solution first: the portal's own binary is started.", dll);
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test portal's own configuration, as environment variables, so both run alike on the same database and folders.
        foreach (var (key, value) in portal.Settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 1200 && !process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready", ct)).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(100, ct);
        }
        node.Dispose();
        throw new InvalidOperationException($"The portal process did not become ready on port {port} (exited: {process.HasExited}).");
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to finish or tidy anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
