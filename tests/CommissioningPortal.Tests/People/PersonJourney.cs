using System.Globalization;
using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.People;

/// <summary>Steps of the person's journey through the real forms, and a provider off Glenmore's framework to offer.</summary>
public static class PersonJourney
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(PortalFactory portal) => DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

    public static Task<Guid> NorthGlenmoreAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Localities.Where(l => l.Code == "north" && db.Authorities.Any(a => a.Id == l.AuthorityId && a.Code == "glenmore")).Select(l => l.Id).SingleAsync(Ct));

    /// <summary>The practitioner's form for a person with outcomes, a budget told yesterday, options per support type and the demo representative.</summary>
    public static async Task<Dictionary<string, string>> PersonFormAsync(PortalFactory portal, string name, decimal weekly = 350m) => new()
    {
        ["Name"] = name,
        ["LocalityId"] = (await NorthGlenmoreAsync(portal)).ToString(),
        ["Outcomes"] = "Go swimming every week\nMeet my friends at the café on Saturdays",
        ["SupportNeeds"] = "Help with personal care in the mornings.",
        ["WeeklyBudget"] = weekly.ToString(CultureInfo.InvariantCulture),
        ["BudgetSetBy"] = "ResourceAllocationSystem",
        ["BudgetToldOn"] = Date(Today(portal).AddDays(-1)),
        ["BudgetToldHow"] = "At the support planning meeting, and by letter",
        ["OptionsDiscussedOn"] = Date(Today(portal).AddDays(-1)),
        ["Choices[0].SupportType"] = "personal-care",
        ["Choices[0].Option"] = "2",
        ["Choices[1].SupportType"] = "community-support",
        ["Choices[1].Option"] = "3",
        ["RepresentativeName"] = "Ailsa Reid",
        ["RepresentativeRelationship"] = "mum",
        ["RepresentativeEmail"] = "representative@people.example",
    };

    public static async Task<Guid> MakePersonAsync(PortalClient practitioner, string name, decimal weekly = 350m)
    {
        var page = await practitioner.GetPageAsync("/people/new");
        var response = await practitioner.SubmitAsync(page, await PersonFormAsync(practitioner.Portal, name, weekly));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Making the record: {response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Dictionary<string, string> RequestForm(PortalFactory portal) => new()
    {
        ["Outcomes"] = "Go swimming every week\nMeet my friends at the café on Saturdays",
        ["SupportType"] = "personal-care",
        ["HoursPerWeek"] = "10",
        ["WeeklyBudget"] = "300",
        ["StartDate"] = Date(Today(portal).AddDays(14)),
        ["Preferences"] = "A woman, please",
    };

    public static async Task<Guid> PostRequestAsync(PortalClient client, Guid personId, Dictionary<string, string>? form = null)
    {
        var page = await client.GetPageAsync($"/people/{personId}/requests/new");
        var response = await client.SubmitAsync(page, form ?? RequestForm(client.Portal));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Posting the request: {response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Dictionary<string, string> OfferForm(PortalFactory portal, string how, decimal price, string unit = "PerHour") => new()
    {
        ["StartDate"] = Date(Today(portal).AddDays(14)),
        ["HowOutcomesMet"] = how,
        ["Price"] = price.ToString(CultureInfo.InvariantCulture),
        ["PriceUnit"] = unit,
        ["HoursPerWeek"] = "10",
    };

    public static async Task<HttpResponseMessage> OfferAsync(PortalClient provider, Guid requestId, Dictionary<string, string> form)
    {
        var page = await provider.GetPageAsync($"/requests/{requestId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await provider.SubmitAsync(page, form);
    }

    /// <summary>
    /// The off-framework micro-provider (<see cref="OffFrameworkProvider"/>), with personal care and community support
    /// for older people and people with a learning disability, in English and Gaelic.
    /// </summary>
    public static async Task<(Guid ProviderId, string Name, string Email)> OffFrameworkProviderAsync(PortalFactory portal, string tag)
    {
        var seeded = await OffFrameworkProvider.AddAsync(portal, tag, ["personal-care", "community-support"], ["older-people", "learning-disability"], ["en", "gd"], Ct);
        return (seeded.ProviderId, seeded.Name, seeded.Email);
    }

    /// <summary>A practitioner of Ardbrae (another authority), made for the test.</summary>
    public static Task<string> ArdbraePractitionerAsync(PortalFactory portal, string tag) => PractitionerAsync(portal, "ardbrae", "Ardbrae practitioner", tag);

    /// <summary>Another practitioner of Glenmore (a colleague of the demo one), made for the test.</summary>
    public static Task<string> GlenmorePractitionerAsync(PortalFactory portal, string tag) => PractitionerAsync(portal, "glenmore", $"Ewan Grant {tag}", tag);

    private static async Task<string> PractitionerAsync(PortalFactory portal, string authority, string name, string tag)
    {
        var email = $"practitioner-{tag.ToLowerInvariant()}@{authority}.example";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authorityId = await db.Authorities.Where(a => a.Code == authority).Select(a => a.Id).SingleAsync(Ct);
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AuthorityId = authorityId, CreatedAt = portal.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Practitioner)).Succeeded);
        Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return email;
    }
}
