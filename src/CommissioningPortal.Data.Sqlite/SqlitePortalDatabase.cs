using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommissioningPortal.Data.Sqlite;

/// <summary>Configures the portal's DbContext for Sqlite, with this assembly's migrations.</summary>
public static class SqlitePortalDatabase
{
    public const string ProviderName = "Sqlite";

    public static DbContextOptionsBuilder UseSqlitePortal(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqlitePortalDatabase).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);
}

/// <summary>
/// Per-connection settings. In WAL mode <c>synchronous=NORMAL</c> is what SQLite recommends: a commit
/// is durable against an application crash and the database cannot corrupt; only a power cut can lose
/// the last commits. It avoids an fsync on every commit (see docs/benchmarks.md).
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Used only by <c>dotnet ef migrations add</c>; never at run time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UseSqlitePortal("Data Source=design-time.db");
        return new PortalDbContext(options.Options);
    }
}
