using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

/// <summary>
/// Issue 20 item 3: the database goes away while the portal runs. People get a plain 503 page with Retry-After
/// (the API, problem details), the process keeps running with its background work, and when the database
/// comes back the next request works without a restart. The outage is real: the SQLite file's folder is moved
/// away and the connection pools emptied, so every new connection fails to open it.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite);

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Without_its_database_the_portal_says_try_again_shortly_and_recovers_by_itself()
    {
        using var client = _portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory?q=support")).StatusCode);

        var away = _portal.Folder + ".away";
        Directory.Move(_portal.Folder, away);
        SqliteConnection.ClearAllPools();
        try
        {
            var page = await client.GetAsync("/directory?q=support");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Sorry, the service is unavailable", html);
            Assert.Contains("Nothing you had already saved has been lost", html);
            Assert.DoesNotContain("Exception", html);

            var api = await client.GetAsync("/api/openreferral/services");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode); // the process itself is fine
        }
        finally
        {
            Directory.Move(away, _portal.Folder);
            SqliteConnection.ClearAllPools();
        }

        // Back without a restart.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory?q=support")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
