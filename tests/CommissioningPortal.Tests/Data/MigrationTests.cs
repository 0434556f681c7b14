using CommissioningPortal.Data;
using CommissioningPortal.Data.PostgreSql;
using CommissioningPortal.Data.SqlServer;
using CommissioningPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace CommissioningPortal.Tests.Data;

/// <summary>The three providers' migrations stay in step with the model and with each other.</summary>
public sealed class MigrationTests
{
    private static PortalDbContext Context(Action<DbContextOptionsBuilder> use)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        use(options);
        return new PortalDbContext(options.Options);
    }

    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    private static PortalDbContext For(string provider) => provider switch
    {
        "Sqlite" => Context(o => o.UseSqlitePortal("Data Source=:memory:")),
        "SqlServer" => Context(o => o.UseSqlServerPortal("Server=unused;Database=unused;TrustServerCertificate=True")),
        _ => Context(o => o.UsePostgreSqlPortal("Host=unused;Database=unused")),
    };

    [Fact]
    public void SqlServer_migrations_produce_a_script()
    {
        using var db = For("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
        Assert.Contains("[Version] int NOT NULL", script);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_match_the_model(string provider)
    {
        using var db = For(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        static IEnumerable<string> Names(string provider)
        {
            using var db = For(provider);
            return db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        }
        Assert.Equal(Names("Sqlite"), Names("SqlServer"));
        Assert.Equal(Names("Sqlite"), Names("PostgreSql"));
    }
}
