using System.Net;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CommissioningPortal.Tests.People.PersonJourney;

namespace CommissioningPortal.Tests.Tenancy;

/// <summary>
/// An authority's target times and delegated authority (issue 17, items 5, 6 and 8), and the unmet demand its offer
/// target leads to. A portal of its own: flagging unmet demand looks at every request in the database.
/// </summary>
public abstract class AuthorityPoliciesTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task<(int Offer, int Approval, decimal? Limit)> PoliciesAsync(string code) => Portal.WithDbAsync(db =>
        db.Authorities.Where(a => a.Code == code).Select(a => new ValueTuple<int, int, decimal?>(a.OfferTargetDays, a.ApprovalTargetDays, a.PractitionerWeeklyLimit)).SingleAsync(Ct));

    [Fact]
    public async Task A_commissioner_sets_the_policies_and_bad_numbers_are_named_on_their_fields_with_nothing_saved()
    {
        var before = await PoliciesAsync("ardbrae");
        using var commissioner = NewClient();
        await commissioner.SignInAsync(DemoUsers.ArdbraeCommissioner);
        var page = await commissioner.GetPageAsync("/authority/ardbrae/policies");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("7", page.Document.QuerySelector("#OfferTargetDays")!.GetAttribute("value"));

        var refused = await commissioner.SubmitAsync(page, new Dictionary<string, string>
        {
            ["OfferTargetDays"] = "a week", ["ApprovalTargetDays"] = "0", ["PractitionerWeeklyLimit"] = "-5", ["CarryOverWeeks"] = "60",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains("must be a whole number of days", again.Document.QuerySelector("#OfferTargetDays-error")?.TextContent ?? again.Text);
        Assert.Contains("between 1 and 90", again.Text);
        Assert.Contains("weekly amount a practitioner may authorise must be an amount in pounds", again.Text);
        Assert.Contains("must be between 0 and 52", again.Document.QuerySelector("#CarryOverWeeks-error")!.TextContent);
        Assert.Equal("a week", again.Document.QuerySelector("#OfferTargetDays")!.GetAttribute("value")); // what was typed is kept
        Assert.Equal(before, await PoliciesAsync("ardbrae"));

        var saved = await commissioner.SubmitAsync(again, new Dictionary<string, string>
        {
            ["OfferTargetDays"] = "5", ["ApprovalTargetDays"] = "14", ["PractitionerWeeklyLimit"] = "£375", ["CarryOverWeeks"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await Portal.WithDbAsync(db => db.Authorities.Where(a => a.Code == "ardbrae").Select(a => a.DefaultCarryOverWeeks).SingleAsync(Ct))); // empty: no limit
        Assert.Equal((5, 14, 375m), await PoliciesAsync("ardbrae"));
        var shown = await commissioner.GetPageAsync("/authority/ardbrae/policies");
        Assert.Contains("Last changed by", shown.Text);
        Assert.Equal("375.00", shown.Document.QuerySelector("#PractitionerWeeklyLimit")!.GetAttribute("value"));

        // Another authority's commissioner cannot read or change them.
        using var other = NewClient();
        await other.SignInAsync(DemoUsers.GlenmoreCommissioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetPageAsync("/authority/ardbrae/policies")).Status);
    }

    [Fact]
    public async Task A_request_with_no_offer_in_the_target_time_is_unmet_demand_and_the_commissioners_are_told_once()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var waiting = await PostRequestAsync(practitioner, await MakePersonAsync(practitioner, "Isla Munro"));
        var offered = await PostRequestAsync(practitioner, await MakePersonAsync(practitioner, "Euan Munro"));
        using (var provider = NewClient())
        {
            await provider.SignInAsync(DemoUsers.Provider);
            Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(provider, offered, OfferForm(Portal, "We would start with a visit.", 24.80m))).StatusCode);
        }
        var target = await Portal.WithDbAsync(db => db.Authorities.Where(a => a.Code == "glenmore").Select(a => a.OfferTargetDays).SingleAsync(Ct));
        var posted = Portal.Clock.GetUtcNow();

        async Task<int> FlagAsync(DateTimeOffset at)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FlagUnmetDemand>().HandleAsync(at, Ct);
        }

        Assert.Equal(0, await FlagAsync(posted.AddDays(target).AddMinutes(-1))); // not yet
        Assert.Equal(1, await FlagAsync(posted.AddDays(target).AddMinutes(1)));
        Assert.Equal(0, await FlagAsync(posted.AddDays(target).AddHours(2))); // once only

        var (waitingUnmet, offeredUnmet) = await Portal.WithDbAsync(async db => (
            await db.SupportRequests.Where(r => r.Id == waiting).Select(r => r.UnmetAt).SingleAsync(Ct),
            await db.SupportRequests.Where(r => r.Id == offered).Select(r => r.UnmetAt).SingleAsync(Ct)));
        Assert.NotNull(waitingUnmet);
        Assert.Null(offeredUnmet);
        var reference = await Portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == waiting).Select(r => r.Reference).SingleAsync(Ct));
        var told = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == FlagUnmetDemand.Kind).Select(m => new { m.ToAddress, m.Subject }).ToListAsync(Ct));
        var mail = Assert.Single(told);
        Assert.Equal(DemoUsers.GlenmoreCommissioner, mail.ToAddress);
        Assert.Contains(reference, mail.Subject);

        var page = await practitioner.GetPageAsync($"/requests/{waiting}");
        Assert.Contains($"No provider offered within {target} days", page.Document.QuerySelector("#request-unmet")!.TextContent);
        Assert.Null((await practitioner.GetPageAsync($"/requests/{offered}")).Document.QuerySelector("#request-unmet"));
    }

    [Fact]
    public async Task An_off_framework_decision_is_due_within_the_authoritys_own_approval_target()
    {
        await Portal.WithDbAsync(db => db.Authorities.Where(a => a.Code == "glenmore").ExecuteUpdateAsync(u => u.SetProperty(a => a.ApprovalTargetDays, 14), Ct));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var croft = await OffFrameworkProviderAsync(Portal, tag);
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var requestId = await PostRequestAsync(practitioner, await MakePersonAsync(practitioner, $"Iona Bain {tag}"));
        using (var provider = NewClient())
        {
            await provider.SignInAsync(croft.Email);
            Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(provider, requestId, OfferForm(Portal, "Two workers who speak Gaelic, starting with a visit.", 24m))).StatusCode);
        }
        var compare = await practitioner.GetPageAsync($"/requests/{requestId}");
        var offer = compare.Document.QuerySelectorAll("#offers > li").Single();
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.SubmitAsync(compare, new Dictionary<string, string>(), $"#{offer.Id} form")).StatusCode);

        var due = Portal.Clock.GetUtcNow().AddDays(14);
        Assert.Contains($"The decision is due by {due:d MMMM yyyy}.", (await practitioner.GetPageAsync($"/requests/{requestId}")).Text);
        var instanceId = await Portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.ApprovalInstanceId).SingleAsync(Ct));
        var task = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.InstanceId == instanceId).Select(w => w.DueAt).SingleAsync(Ct));
        Assert.Equal(due, task!.Value, TimeSpan.FromSeconds(1)); // the commissioner's task is due on the same day, not the process's own fixed five days
    }

    [Fact]
    public async Task An_hourly_offer_below_the_authoritys_sustainable_floor_is_flagged_to_the_practitioner()
    {
        await Portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.Where(a => a.Code == "glenmore").Select(a => a.Id).SingleAsync(Ct);
            // £12.60 and 38 % on-costs: a floor of £17.39 an hour.
            db.SustainablePriceFloors.Add(SustainablePriceFloor.Set(glenmore, Today(Portal).AddDays(-30), 1260, 38m, Portal.Clock.GetUtcNow(), "test"));
            await db.SaveChangesAsync(Ct);
        });
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var low = await PostRequestAsync(practitioner, await MakePersonAsync(practitioner, "Fiona Munro"));
        var fair = await PostRequestAsync(practitioner, await MakePersonAsync(practitioner, "Kirsty Munro"));
        using (var provider = NewClient())
        {
            await provider.SignInAsync(DemoUsers.Provider);
            Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(provider, low, OfferForm(Portal, "Cheaper than anyone.", 9.50m))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(provider, fair, OfferForm(Portal, "A visit first, then the same two workers.", 24.80m))).StatusCode);
        }
        var flagged = (await practitioner.GetPageAsync($"/requests/{low}")).Document.QuerySelector(".portal-offer .portal-below-floor");
        Assert.NotNull(flagged);
        Assert.Contains("£9.50 an hour is under", flagged.TextContent);
        Assert.Contains("floor of £17.39 an hour", flagged.TextContent);
        Assert.Null((await practitioner.GetPageAsync($"/requests/{fair}")).Document.QuerySelector(".portal-below-floor"));
    }
}

public sealed class PoliciesSqlitePortal() : PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>(QuietBackground));

public sealed class PoliciesPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite, new Dictionary<string, string?>(QuietBackground));

public sealed class AuthorityPoliciesOnSqlite(PoliciesSqlitePortal portal) : AuthorityPoliciesTests(portal), IClassFixture<PoliciesSqlitePortal>;

public sealed class AuthorityPoliciesOnPostgres(PoliciesPostgresPortal portal) : AuthorityPoliciesTests(portal), IClassFixture<PoliciesPostgresPortal>;
