using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommissioningPortal.Data.PostgreSql;

/// <summary>Configures the portal's DbContext for PostgreSql, with this assembly's migrations.</summary>
public static class PostgreSqlPortalDatabase
{
    public const string ProviderName = "PostgreSql";

    public static DbContextOptionsBuilder UsePostgreSqlPortal(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlPortalDatabase).Assembly.GetName().Name));
}

/// <summary>Used only by <c>dotnet ef migrations add</c>; never at run time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePostgreSqlPortal("Host=localhost;Database=commissioning_portal;Username=portal");
        return new PortalDbContext(options.Options);
    }
}
