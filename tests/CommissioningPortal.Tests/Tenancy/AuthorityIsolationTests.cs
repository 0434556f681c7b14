using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Tenancy;

/// <summary>A user of one authority never reaches another authority's private pages.</summary>
public abstract class AuthorityIsolationTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Theory]
    [InlineData("/authority/glenmore/admin")]
    [InlineData("/authority/glenmore/admin/export")]
    [InlineData("/authority/glenmore")]
    public async Task Ardbrae_commissioner_is_refused_Glenmore_pages(string path)
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.ArdbraeCommissioner);
        var page = await client.GetPageAsync(path);
        Assert.Contains(page.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.DoesNotContain("Glenmore Health and Social Care Partnership", page.Text);
        Assert.DoesNotContain("practitioner@glenmore.example", page.Html);
    }

    [Fact]
    public async Task Glenmore_commissioner_sees_their_own_admin_page_and_its_csv()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await client.GetPageAsync("/authority/glenmore/admin");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("practitioner@glenmore.example", page.Text);
        var csv = await client.GetAsync("/authority/glenmore/admin/export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("practitioner@glenmore.example", await csv.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_practitioner_cannot_open_the_authority_admin_pages()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmorePractitioner);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/authority/glenmore")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync("/authority/glenmore/admin")).Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_sign_in()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/authority/glenmore/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(DemoUsers.Person, "/admin")]
    [InlineData(DemoUsers.Provider, "/my-support")]
    [InlineData(DemoUsers.Person, "/provider")]
    public async Task Roles_cannot_reach_other_roles_homes(string email, string path)
    {
        using var client = NewClient();
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(path)).Status);
    }
}

public sealed class AuthorityIsolationOnSqlite(SqlitePortal portal) : AuthorityIsolationTests(portal);

public sealed class AuthorityIsolationOnPostgres(PostgresPortal portal) : AuthorityIsolationTests(portal);
