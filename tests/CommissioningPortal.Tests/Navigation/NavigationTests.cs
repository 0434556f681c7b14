using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Navigation;

/// <summary>
/// The main menu is assembled from what each feature registers (Features/*/…Feature.cs) and checked against
/// the user's roles and policies; the theme only draws it.
/// </summary>
public abstract class NavigationTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static async Task<IReadOnlyList<string>> MenuAsync(PortalClient client, string path = "/")
    {
        var page = await client.GetPageAsync(path);
        return page.Document.QuerySelectorAll("nav[aria-label='Main'] a.ds_site-navigation__link")
            .Select(a => $"{a.TextContent.Trim()} {a.GetAttribute("href")}").ToList();
    }

    private async Task<IReadOnlyList<string>> MenuOfAsync(string email)
    {
        using var client = NewClient();
        await client.SignInAsync(email);
        return await MenuAsync(client, "/pages/your-four-sds-options");
    }

    [Fact]
    public async Task Someone_not_signed_in_can_find_support_from_the_menu_and_sees_nothing_for_staff()
    {
        using var client = NewClient();
        var menu = await MenuAsync(client);
        Assert.Equal(["Home /", "Your four SDS options /pages/your-four-sds-options", "Find support /directory", "Opportunities /opportunities", "Sign in /account/login", "Register /account/register"], menu);
    }

    [Fact]
    public async Task Each_role_sees_the_entries_its_features_registered_for_it_and_no_others()
    {
        var provider = await MenuOfAsync(DemoUsers.Provider);
        Assert.Contains("Your organisation /provider", provider);
        Assert.Contains("Find support /directory", provider);
        Assert.DoesNotContain(provider, l => l.StartsWith("Frameworks") || l.StartsWith("Passport checks") || l.StartsWith("Administration") || l.StartsWith("Sign in"));

        var commissioner = await MenuOfAsync(DemoUsers.GlenmoreCommissioner);
        Assert.Contains(commissioner, l => l.StartsWith("Passport checks")); // with its queue count beside it
        Assert.Contains("Frameworks /frameworks", commissioner);
        Assert.Contains("Your tasks /tasks", commissioner);
        Assert.DoesNotContain(commissioner, l => l.StartsWith("Your organisation") || l.StartsWith("Administration") || l.StartsWith("My support"));

        var person = await MenuOfAsync(DemoUsers.Person);
        Assert.Contains("My support /my-support", person);
        Assert.Contains("Agreements /agreements", person);
        Assert.DoesNotContain(person, l => l.StartsWith("Your tasks") || l.StartsWith("Processes") || l.StartsWith("Frameworks"));

        var admin = await MenuOfAsync(DemoUsers.Administrator);
        Assert.Contains("Administration /admin", admin);
        Assert.DoesNotContain(admin, l => l.StartsWith("Frameworks"));
    }

    [Fact]
    public async Task The_current_section_is_marked_for_screen_readers()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/pages/your-four-sds-options");
        var current = page.Document.QuerySelector("nav[aria-label='Main'] a[aria-current='page']");
        Assert.Equal("/pages/your-four-sds-options", current?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pages/your-four-sds-options")]
    public async Task The_home_page_and_the_four_options_page_link_to_the_provider_directory(string path)
    {
        using var client = NewClient();
        var page = await client.GetPageAsync(path);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/directory");
    }
}

public sealed class NavigationOnSqlite(SqlitePortal portal) : NavigationTests(portal);
