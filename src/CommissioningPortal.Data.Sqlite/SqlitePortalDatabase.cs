using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommissioningPortal.Data.Sqlite;

/// <summary>Configures the portal's DbContext for Sqlite, with this assembly's migrations.</summary>
public static class SqlitePortalDatabase
{
    public const string ProviderName = "Sqlite";

    public static DbContextOptionsBuilder UseSqlitePortal(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqlitePortalDatabase).Assembly.GetName().Name));
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
