using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommissioningPortal.Data.SqlServer;

/// <summary>Configures the portal's DbContext for SqlServer, with this assembly's migrations.</summary>
public static class SqlServerPortalDatabase
{
    public const string ProviderName = "SqlServer";

    public static DbContextOptionsBuilder UseSqlServerPortal(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerPortalDatabase).Assembly.GetName().Name).EnableRetryOnFailure());
}

/// <summary>Used only by <c>dotnet ef migrations add</c>; never at run time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UseSqlServerPortal("Server=localhost;Database=CommissioningPortal;Trusted_Connection=True;TrustServerCertificate=True");
        return new PortalDbContext(options.Options);
    }
}
