using CommissioningPortal.Data.PostgreSql;
using CommissioningPortal.Data.SqlServer;
using CommissioningPortal.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace CommissioningPortal.Web.Infrastructure;

internal static class DatabaseSetup
{
    public static void AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, builder.Environment.ContentRootPath);
        var provider = options.Provider;

        builder.Services.AddDbContextPool<PortalDbContext>(db => // pooled: a request reuses a context instead of building one
        {
            _ = provider.ToLowerInvariant() switch
            {
                "sqlite" => db.UseSqlitePortal(connectionString),
                "sqlserver" => db.UseSqlServerPortal(connectionString),
                "postgresql" or "postgres" or "npgsql" => db.UsePostgreSqlPortal(connectionString),
                _ => throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported. Use Sqlite, SqlServer or PostgreSql."),
            };
        });
    }

    internal static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (!options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:ConnectionString is required for provider {options.Provider}.");
        }
        var folder = Path.GetFullPath(options.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "portal.db"),
            DefaultTimeout = 30, // seconds a command waits on a busy database
        }.ToString();
    }

    /// <summary>Applies migrations; on SQLite switches the file to WAL so readers don't block the writer.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (db.IsSqlite)
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        }
        await db.Database.MigrateAsync(ct);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
