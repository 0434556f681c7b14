using CommissioningPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CommissioningPortal.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, PostgreSql }

/// <summary>
/// The real portal on real Kestrel, bound to a free loopback port, with its own database (a
/// SQLite file in a temporary folder, or a fresh database on the test PostgreSQL server), its own
/// mail folder, and a fake clock. Demo data is seeded as in Development.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, Xunit.IAsyncLifetime
{
    private readonly Lock _startLock = new();
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly Dictionary<string, string?> _settings;

    /// <summary>Settings that stop the background work (outbox dispatch, workflow timers, passport expiry, tender deadline reminders, unmet demand), for tests that watch the database alone.</summary>
    public static IReadOnlyDictionary<string, string?> QuietBackground { get; } = new Dictionary<string, string?>
    {
        ["Email:DispatcherEnabled"] = "false",
        ["Workflows:TimersEnabled"] = "false",
        ["Passport:ExpiryJobEnabled"] = "false",
        ["Tendering:RemindersEnabled"] = "false",
        ["Requests:UnmetDemandEnabled"] = "false",
    };

    public PortalFactory(DatabaseKind kind, IDictionary<string, string?>? settings = null)
        : this(kind, settings, httpsCertificate: null)
    {
    }

    /// <param name="httpsCertificate">When given, Kestrel serves HTTPS only, with this certificate, and clients trust it.</param>
    protected PortalFactory(DatabaseKind kind, IDictionary<string, string?>? settings, System.Security.Cryptography.X509Certificates.X509Certificate2? httpsCertificate)
    {
        Kind = kind;
        Folder = Directory.CreateTempSubdirectory("portal-test-").FullName;
        MailFolder = Path.Combine(Folder, "mail");
        ConnectionString = kind switch
        {
            DatabaseKind.Sqlite => $"Data Source={Path.Combine(Folder, "portal.db")};Default Timeout=30",
            _ => PostgresConnectionString() + $";Database=portal_test_{Guid.NewGuid():N}",
        };
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Email:MailFolder"] = MailFolder,
            ["Storage:EvidencePath"] = Path.Combine(Folder, "evidence"),
            ["Portal:SeedDemo"] = "true",
            ["Portal:PrintDemoLogins"] = "false",
            ["RateLimiting:SignInPermitsPerMinute"] = "10000",
            ["RateLimiting:RegistrationPermitsPerMinute"] = "10000",
            ["RateLimiting:CorrectionPermitsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        HttpsCertificate = httpsCertificate;
        if (httpsCertificate is null) UseKestrel(0);
        else UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(httpsCertificate)));
    }

    /// <summary>The certificate Kestrel serves HTTPS with, or null for plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? HttpsCertificate { get; }

    public DatabaseKind Kind { get; }

    /// <summary>The configuration this portal runs with (a portal started as a process of its own is given the same).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public string Folder { get; }
    public string MailFolder { get; }
    public string ConnectionString { get; }

    /// <summary>Starts at the real time now; tests move it on.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static bool PostgresAvailable => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Starts the server once, however many tests ask at the same time.</summary>
    public void EnsureStarted()
    {
        lock (_startLock) StartServer();
    }

    public ValueTask InitializeAsync()
    {
        EnsureStarted();
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts the server (idempotent) and returns a browser-like client with cookies.</summary>
    public PortalClient CreatePortalClient()
    {
        EnsureStarted();
        return new PortalClient(this);
    }

    public async Task WithDbAsync(Func<PortalDbContext, Task> action)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.PostgreSql)
        {
            try { await WithDbAsync(db => db.Database.EnsureDeletedAsync()); } catch { /* best effort */ }
        }
        await base.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One portal per database kind, shared by the integration tests of the assembly.</summary>
public sealed class SqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class PostgresPortal : PortalFactory
{
    public PostgresPortal() : base(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite) { }
}
