using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

public abstract class ErrorTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task A_missing_page_is_a_friendly_404_with_a_way_home()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/pages/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task An_unknown_api_address_answers_with_problem_details_json()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/api/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = NewClient();
        var response = await client.Http.PostAsync("/account/forgot-password",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = DemoUsers.Person }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class ErrorsOnSqlite(SqlitePortal portal) : ErrorTests(portal);

public sealed class ErrorsOnPostgres(PostgresPortal portal) : ErrorTests(portal);

/// <summary>Sign-in is rate limited per client address (its own portal: a low limit).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["RateLimiting:SignInPermitsPerMinute"] = "3",
        ["Portal:SeedDemo"] = "false",
        ["Email:DispatcherEnabled"] = "false",
    });

    public ValueTask InitializeAsync() => _portal.InitializeAsync();

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_is_told_to_wait()
    {
        using var client = _portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var login = await client.GetPageAsync("/account/login");
            var response = await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = "nobody@test.example", ["Password"] = "wrong password" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
