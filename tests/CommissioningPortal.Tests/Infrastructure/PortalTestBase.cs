using Xunit;

[assembly: AssemblyFixture(typeof(CommissioningPortal.Tests.Infrastructure.SqlitePortal))]
[assembly: AssemblyFixture(typeof(CommissioningPortal.Tests.Infrastructure.PostgresPortal))]

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// Base for integration suites that run against every database. Write the tests once in an
/// abstract class deriving from this; add one sealed subclass per database, e.g.
/// <c>public sealed class HealthOnSqlite(SqlitePortal p) : HealthTests(p);</c> and
/// <c>public sealed class HealthOnPostgres(PostgresPortal p) : HealthTests(p);</c>.
/// </summary>
public abstract class PortalTestBase
{
    protected PortalTestBase(PortalFactory portal)
    {
        if (portal is PostgresPortal && !PortalFactory.PostgresAvailable)
        {
            Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
        }
        Portal = portal;
    }

    protected PortalFactory Portal { get; }

    protected PortalClient NewClient() => Portal.CreatePortalClient();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
