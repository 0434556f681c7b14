using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

public abstract class HealthTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/health");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

public sealed class HealthOnSqlite(SqlitePortal portal) : HealthTests(portal);

public sealed class HealthOnPostgres(PostgresPortal portal) : HealthTests(portal);
