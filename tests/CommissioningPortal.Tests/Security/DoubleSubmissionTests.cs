using System.Net;
using CommissioningPortal.Tests.Agreements;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 12, item 6: two identical POSTs of a form that creates something, at the same moment (a
/// double click, a retry), create it once; both are answered with what the first created, neither
/// with an error page.
/// </summary>
public abstract class DoubleSubmissionTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..10];

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    /// <summary>Posts the same filled-in form twice at once and checks both were sent to the same place.</summary>
    private static async Task<string> PostTwiceAtOnceAsync(PortalClient client, PortalClient.Page page, Dictionary<string, string> form)
    {
        var responses = await Task.WhenAll(client.SubmitAsync(page, form), client.SubmitAsync(page, form));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var locations = responses.Select(r => r.Headers.Location!.OriginalString).ToList();
        Assert.DoesNotContain(locations, l => l.StartsWith("/error", StringComparison.Ordinal));
        Assert.Equal(locations[0], locations[1]);
        return locations[0];
    }

    [Fact]
    public async Task Two_identical_new_framework_posts_create_one_framework()
    {
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var reference = "DS-" + Tag();
        var page = await client.GetPageAsync("/frameworks/new");
        var location = await PostTwiceAtOnceAsync(client, page, new Dictionary<string, string> { ["Reference"] = reference, ["Title"] = "Double submitted framework" });

        var ids = await Portal.WithDbAsync(db => db.Frameworks.Where(f => f.Reference == reference).Select(f => f.Id).ToListAsync(Ct));
        Assert.Equal($"/frameworks/{Assert.Single(ids)}", location);
    }

    [Fact]
    public async Task Two_identical_new_lot_posts_add_one_lot()
    {
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var reference = "DS-" + Tag();
        var created = await client.SubmitAsync(await client.GetPageAsync("/frameworks/new"), new Dictionary<string, string> { ["Reference"] = reference, ["Title"] = "Framework for lots" });
        var frameworkPath = created.Headers.Location!.OriginalString;
        var frameworkId = Guid.Parse(frameworkPath.Split('/')[^1]);

        var page = await client.GetPageAsync($"{frameworkPath}/lots/new");
        await PostTwiceAtOnceAsync(client, page, new Dictionary<string, string> { ["Title"] = "Care at home" });

        Assert.Equal(1, await Portal.WithDbAsync(db => db.Lots.CountAsync(l => l.FrameworkId == frameworkId, Ct)));
    }

    [Fact]
    public async Task Two_identical_new_agreement_posts_offer_one_agreement()
    {
        using var client = await SignedInAsync(DemoUsers.GlenmorePractitioner);
        var person = "Double Submit " + Tag();
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var page = await client.GetPageAsync("/agreements/new");
        var location = await PostTwiceAtOnceAsync(client, page, AgreementFlowTests.Form(person, provider));

        var ids = await Portal.WithDbAsync(db => db.IsfAgreements
            .Where(a => db.SupportedPeople.Any(p => p.Id == a.SupportedPersonId && p.Name == person)).Select(a => a.Id).ToListAsync(Ct));
        Assert.Equal($"/agreements/{Assert.Single(ids)}", location);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.SupportedPeople.CountAsync(p => p.Name == person, Ct)));
    }

    [Fact]
    public async Task A_form_sent_again_after_a_mistake_is_corrected_still_creates_it()
    {
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var reference = "DS-" + Tag();
        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(await client.GetPageAsync("/frameworks/new"),
            new Dictionary<string, string> { ["Reference"] = reference, ["Title"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        var created = await client.SubmitAsync(refused, new Dictionary<string, string> { ["Reference"] = reference, ["Title"] = "Corrected" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Frameworks.CountAsync(f => f.Reference == reference, Ct)));
    }
}

public sealed class DoubleSubmissionsOnSqlite(SqlitePortal portal) : DoubleSubmissionTests(portal);

public sealed class DoubleSubmissionsOnPostgres(PostgresPortal portal) : DoubleSubmissionTests(portal);
