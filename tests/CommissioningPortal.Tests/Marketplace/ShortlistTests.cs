using System.Net;
using System.Text;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>The shortlist: saved from results and profiles, listed with checks and capacity, CSV, empty state.</summary>
public abstract class ShortlistTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task<Guid> ProviderAsync(string name) => Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct));

    private static List<string> Saved(PortalClient.Page page) =>
        page.Document.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_supported_person_adds_from_results_and_a_profile_sees_the_list_downloads_it_and_removes_one()
    {
        var climbing = await ProviderAsync("Ardbrae Climbing Wall");
        var morag = await ProviderAsync("Morag Campbell");
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.Person);

        var empty = await client.GetPageAsync("/directory/shortlist");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("You have not saved any providers yet", empty.Text);

        // From the search results: the form comes back to the same search.
        var results = await client.GetPageAsync("/directory?q=climbing");
        var added = await client.SubmitAsync(results, new Dictionary<string, string>(), $"form[data-provider='{climbing}']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/directory?q=climbing", added.Headers.Location!.OriginalString);
        var again = await client.GetPageAsync("/directory?q=climbing");
        Assert.Contains("Remove from shortlist", again.Document.QuerySelector($"form[data-provider='{climbing}']")!.TextContent);

        // From a profile; saving twice keeps one.
        var profile = await client.GetPageAsync($"/directory/{morag}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(profile, new Dictionary<string, string>(), $"form[data-provider='{morag}']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(profile, new Dictionary<string, string>(), $"form[data-provider='{morag}']")).StatusCode);

        var list = await client.GetPageAsync("/directory/shortlist");
        // Both saved (newest first; the shared fake clock may move between the two saves, so the order is not the point here).
        Assert.Equal(["Ardbrae Climbing Wall", "Morag Campbell"], Saved(list).Order(StringComparer.Ordinal));
        var climbingRow = list.Document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Ardbrae Climbing Wall"));
        Assert.Contains("Not yet verified", climbingRow.TextContent);
        Assert.Contains("Out of date", climbingRow.TextContent);
        var moragRow = list.Document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Morag Campbell"));
        Assert.Equal("Verified", moragRow.QuerySelectorAll("td")[1].TextContent.Trim());

        var csv = await client.GetAsync("/directory/shortlist?handler=export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Provider,Kind of provider,Verified", text);
        Assert.Contains("Morag Campbell,Personal Assistant (self-employed)", text);
        Assert.Contains("Ardbrae Climbing Wall,Non-care supplier", text);

        var removed = await client.SubmitAsync(list, new Dictionary<string, string>(), $"main table form[data-provider='{climbing}']");
        Assert.Equal("/directory/shortlist", removed.Headers.Location!.OriginalString);
        Assert.Equal(["Morag Campbell"], Saved(await client.GetPageAsync("/directory/shortlist")));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.ShortlistEntries.CountAsync(e => e.ProviderId == morag && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoUsers.Person), Ct)));
    }

    [Fact]
    public async Task Each_person_has_their_own_shortlist_and_a_practitioner_keeps_one_too()
    {
        var bright = await ProviderAsync("Bright Steps Care");
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var profile = await practitioner.GetPageAsync($"/directory/{bright}");
        await practitioner.SubmitAsync(profile, new Dictionary<string, string>(), $"form[data-provider='{bright}']");
        Assert.Contains("Bright Steps Care", Saved(await practitioner.GetPageAsync("/directory/shortlist")));

        using var representative = NewClient();
        await representative.SignInAsync("representative@people.example");
        Assert.DoesNotContain("Bright Steps Care", Saved(await representative.GetPageAsync("/directory/shortlist")));
    }

    [Fact]
    public async Task The_public_is_asked_to_sign_in_and_cannot_save()
    {
        var climbing = await ProviderAsync("Ardbrae Climbing Wall");
        using var client = NewClient();
        var results = await client.GetPageAsync("/directory?q=climbing");
        Assert.Contains("Sign in to save to a shortlist", results.Text);
        Assert.Null(results.Document.QuerySelector("form[data-provider]"));
        var profile = await client.GetPageAsync($"/directory/{climbing}");
        Assert.Contains("Sign in to save to a shortlist", profile.Text);

        var list = await client.GetAsync("/directory/shortlist");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Contains("/account/login", list.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_provider_user_is_not_offered_a_shortlist()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.Provider);
        var results = await client.GetPageAsync("/directory");
        Assert.Null(results.Document.QuerySelector("form[data-provider]"));
        Assert.DoesNotContain("Sign in to save", results.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/directory/shortlist")).StatusCode); // to access denied
    }
}

public sealed class ShortlistOnSqlite(SqlitePortal p) : ShortlistTests(p);

public sealed class ShortlistOnPostgres(PostgresPortal p) : ShortlistTests(p);
