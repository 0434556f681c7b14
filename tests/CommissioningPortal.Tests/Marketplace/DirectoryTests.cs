using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>The public provider directory on the demo data: filters, order by fit, paging, CSV, profile pages.</summary>
public abstract class DirectoryTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task<Guid> LocalityAsync(string authority, string code) => Portal.WithDbAsync(db =>
        (from l in db.Localities join a in db.Authorities on l.AuthorityId equals a.Id where a.Code == authority && l.Code == code select l.Id).SingleAsync(Ct));

    private Task<Guid> ProviderAsync(string name) => Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct));

    private static List<string> Titles(PortalClient.Page page) =>
        page.Document.QuerySelectorAll(".ds_search-result__title").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task Browsing_the_directory_sets_no_cookie_and_the_cookie_notice_hides_with_one_post()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/directory?q=climbing");
        Assert.NotNull(page.Document.QuerySelector(".portal-cookie-notice"));
        Assert.Empty(client.Cookies.GetAllCookies());

        var response = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[action='/cookies/accept']");
        Assert.Equal("/directory?q=climbing", response.Headers.Location?.OriginalString);
        Assert.Equal(["portal_cookie_notice"], client.Cookies.GetAllCookies().Select(c => c.Name));
        Assert.Null((await client.GetPageAsync("/directory?q=climbing")).Document.QuerySelector(".portal-cookie-notice"));
    }

    [Fact]
    public async Task Anyone_can_search_without_signing_in_and_unverified_providers_are_marked()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/directory");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var titles = Titles(page);
        Assert.Contains("Adapted climbing sessions", titles);
        Assert.Contains("Personal Assistant – older people", titles);
        // Verified providers come before unverified ones.
        Assert.True(titles.IndexOf("Personal Assistant – older people") < titles.IndexOf("Adapted climbing sessions"));
        var climbing = page.Document.QuerySelectorAll(".ds_search-result").Single(r => r.TextContent.Contains("Adapted climbing sessions"));
        Assert.Contains("Not yet verified", climbing.TextContent);
        Assert.Contains("Out of date", climbing.TextContent); // capacity confirmed 60 days ago
    }

    [Fact]
    public async Task Three_filters_and_a_search_word_find_the_gaelic_speaking_services_in_north_glenmore()
    {
        var north = await LocalityAsync("glenmore", "north");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/directory?locality={north}&clientGroup=older-people&supportType=personal-care&q=gaelic");
        Assert.Equal(["Care at home in North Glenmore", "Personal Assistant – older people"], Titles(page).Order().ToList());
        Assert.Contains("2 results", page.Text);
        // The choices stay on the form.
        Assert.NotNull(page.Document.QuerySelector($"#Locality option[value='{north}'][selected]"));
        Assert.Equal("gaelic", page.Document.QuerySelector("#Q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Each_filter_narrows_the_results()
    {
        using var client = NewClient();
        Assert.Equal(["Personal Assistant – older people"], Titles(await client.GetPageAsync("/directory?kind=PersonalAssistant")));
        var verified = Titles(await client.GetPageAsync("/directory?verified=true"));
        Assert.DoesNotContain("Adapted climbing sessions", verified);
        Assert.DoesNotContain("Supported living", verified);
        Assert.Contains("Flexible support around South Glenmore", verified);
        var now = Titles(await client.GetPageAsync("/directory?capacity=true"));
        Assert.DoesNotContain("Overnight support", now); // no hours free
        Assert.DoesNotContain("Supported living", now); // starts in 30 days
        Assert.Contains("Care at home in North Glenmore", Titles(await client.GetPageAsync("/directory?language=gd")));
        Assert.DoesNotContain("Supported living", Titles(await client.GetPageAsync("/directory?language=gd")));
        Assert.Equal(["Personal Assistant – older people"], Titles(await client.GetPageAsync("/directory?maxRate=20&rateUnit=PerHour")));
        Assert.Equal(["Adapted climbing sessions"], Titles(await client.GetPageAsync("/directory?maxRate=%C2%A315&rateUnit=PerSession")));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_and_how_to_widen_it()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/directory?q=zzzzqqq");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No results", page.Text);
        Assert.Contains("Remove a filter", page.Text);
        Assert.Empty(Titles(page));
    }

    [Fact]
    public async Task Input_it_cannot_understand_gets_400_naming_the_field_and_keeping_what_was_typed()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/directory?maxRate=twenty&clientGroup=aliens&q=care");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var summary = page.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("Enter the most you want to pay as an amount in pounds", summary);
        Assert.Contains("Choose who the support is for from the list", summary);
        Assert.Equal("twenty", page.Document.QuerySelector("#MaxRate")!.GetAttribute("value"));
        Assert.Equal("care", page.Document.QuerySelector("#Q")!.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("a[href='#MaxRate']"));
        Assert.Empty(Titles(page));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/directory?handler=export&locality=nowhere")).StatusCode);
    }

    [Fact]
    public async Task Results_page_through_and_download_as_csv()
    {
        using var client = NewClient();
        var csv = await client.GetAsync("/directory?handler=export&clientGroup=older-people");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFService,Provider,Kind of provider,Verified", lines[0]);
        Assert.Equal(5, lines.Length); // header + the four services for older people
        Assert.Contains(lines, l => l.StartsWith("Overnight support,Bright Steps Care,", StringComparison.Ordinal) && l.Contains("£120.00 per night"));

        // Past the last page shows the last page, not an empty one.
        var last = await client.GetPageAsync("/directory?p=99");
        Assert.NotEmpty(Titles(last));
    }

    [Fact]
    public async Task A_profile_shows_services_and_checks_but_never_a_personal_assistants_home_address_or_phone()
    {
        using var client = NewClient();
        var morag = await client.GetPageAsync($"/directory/{await ProviderAsync("Morag Campbell")}");
        Assert.Equal(HttpStatusCode.OK, morag.Status);
        Assert.Contains("Personal Assistant – older people", morag.Text);
        Assert.Contains("Verified", morag.Text);
        Assert.Contains("PVG scheme membership", morag.Text);
        Assert.DoesNotContain("07700 900123", morag.Html);
        Assert.DoesNotContain("Birch Cottages", morag.Html);
        Assert.DoesNotContain("morag.pa@pa.example", morag.Html);
        Assert.DoesNotContain("9876 5432", morag.Html); // passport numbers are not public

        var bright = await client.GetPageAsync($"/directory/{await ProviderAsync("Bright Steps Care")}");
        Assert.Contains("01463 555 010", bright.Text);
        Assert.Contains("Out of date", bright.Text); // overnight capacity confirmed 45 days ago
        Assert.Contains("£24.80 per hour", bright.Text);
        Assert.Contains("Support service – care at home", bright.Document.QuerySelector(".portal-care-inspectorate")!.TextContent);
        Assert.Contains("4 – Good", bright.Document.QuerySelector(".portal-care-inspectorate")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/directory/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class DirectoryOnSqlite(SqlitePortal p) : DirectoryTests(p);

public sealed class DirectoryOnPostgres(PostgresPortal p) : DirectoryTests(p);
