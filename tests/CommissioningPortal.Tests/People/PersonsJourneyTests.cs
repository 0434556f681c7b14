using System.Net;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CommissioningPortal.Tests.People.PersonJourney;

namespace CommissioningPortal.Tests.People;

/// <summary>
/// The person's journey over HTTP (issue 17): the record with a budget told, the four options,
/// requests and offers by fit, an off-framework choice approved with reasons, the agreement draft,
/// bad input refused by field with nothing saved, and who may read the record (every read logged).
/// </summary>
public abstract class PersonsJourneyTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_practitioner_records_a_budget_as_told_and_the_representative_sees_it_under_all_four_options()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var name = $"Morven Reid {Tag()}";
        var id = await MakePersonAsync(practitioner, name, 350m);

        var record = await practitioner.GetPageAsync($"/people/{id}");
        Assert.Contains("£350.00 a week (£18,200.00 a year)", record.Text);
        Assert.Contains("Told to " + name, record.Text);
        Assert.Contains("the authority's resource allocation system", record.Text);
        Assert.Contains("personal-care: Option 2", record.Text);
        Assert.Contains("Option 4: a mix", record.Text); // two support types, two options: recorded as a mix
        Assert.Contains("Ravi Sharma", record.Text); // the allocated practitioner
        Assert.Contains(name, (await practitioner.GetPageAsync("/people")).Text); // the practitioner's home lists their people

        using var representative = NewClient();
        await representative.SignInAsync("representative@people.example");
        // A representative may act for more than one person (a parent for two children): each is one link away.
        var first = await representative.GetPageAsync("/my-support");
        var home = first.Text.Contains("You act for " + name, StringComparison.Ordinal)
            ? first
            : await representative.GetPageAsync(first.Document.QuerySelectorAll("#also-for a").Single(a => a.TextContent == name).GetAttribute("href")!);
        var options = home.Document.QuerySelectorAll("#four-options > li");
        Assert.Equal(4, options.Length);
        Assert.All(options, o => Assert.Contains("£350.00 a week", o.TextContent));
        Assert.Contains("You act for " + name, home.Text);
        Assert.Contains("still says who and how", home.Document.QuerySelector("#option-3")!.TextContent, StringComparison.OrdinalIgnoreCase);
        // The directory, already filtered by where the person lives and the support they chose an option for.
        var find = home.Document.QuerySelectorAll("#find-providers a").Single(a => a.TextContent.StartsWith("Find providers of personal care in North", StringComparison.Ordinal));
        var directory = await representative.GetPageAsync(find.GetAttribute("href")!);
        Assert.Equal("North Glenmore", directory.Document.QuerySelector("#Locality option[selected]")?.TextContent.Trim());
        Assert.Equal("personal-care", directory.Document.QuerySelector("#SupportType option[selected]")?.GetAttribute("value"));
        Assert.Contains("Care at home in North Glenmore", directory.Text);

        var easy = await representative.GetPageAsync("/my-support?easy-read=true");
        Assert.Contains("You still say who helps you.", easy.Text);
        Assert.Equal(4, easy.Document.QuerySelectorAll("#four-options svg[role=img][aria-label]").Length);
    }

    [Fact]
    public async Task A_request_without_outcomes_and_an_offer_with_a_negative_price_or_a_past_start_are_refused_by_field_and_nothing_is_saved()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var id = await MakePersonAsync(practitioner, $"Calum Grant {Tag()}");

        var page = await practitioner.GetPageAsync($"/people/{id}/requests/new");
        var form = RequestForm(Portal);
        form["Outcomes"] = "  ";
        var refused = await practitioner.SubmitAsync(page, form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await CommissioningPortal.Tests.Infrastructure.PortalClient.Page.ReadAsync(refused);
        Assert.Contains("Enter at least one outcome", again.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("A woman, please", again.ValueOf("Preferences")); // what was typed is kept
        Assert.Equal(0, await Portal.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.SupportedPersonId == id, Ct)));

        var requestId = await PostRequestAsync(practitioner, id);
        using var provider = NewClient();
        await provider.SignInAsync(DemoUsers.Provider);
        var negative = await OfferAsync(provider, requestId, OfferForm(Portal, "We would help with swimming.", -5m));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("The price cannot be negative", await negative.Content.ReadAsStringAsync(Ct));
        var pastForm = OfferForm(Portal, "We would help with swimming.", 24m);
        pastForm["StartDate"] = Date(Today(Portal).AddDays(-1));
        var past = await OfferAsync(provider, requestId, pastForm);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var pastPage = await CommissioningPortal.Tests.Infrastructure.PortalClient.Page.ReadAsync(past);
        Assert.Contains("The start date cannot be in the past", pastPage.Document.QuerySelector("#StartDate-error")!.TextContent);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.SupportOffers.CountAsync(o => o.RequestId == requestId, Ct)));

        var personForm = await PersonFormAsync(Portal, "Nobody Outcomes");
        personForm["Outcomes"] = "";
        var noOutcomes = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/people/new"), personForm);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcomes.StatusCode);
        Assert.Contains("Enter at least one outcome, in the person", await noOutcomes.Content.ReadAsStringAsync(Ct));
        Assert.False(await Portal.WithDbAsync(db => db.SupportedPeople.AnyAsync(p => p.Name == "Nobody Outcomes", Ct)));
    }

    [Fact]
    public async Task Offers_are_ordered_by_fit_the_off_framework_choice_is_approved_with_reasons_and_the_agreement_draft_carries_the_request()
    {
        var tag = Tag();
        var croft = await OffFrameworkProviderAsync(Portal, tag);
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var name = $"Eilidh Ross {tag}";
        var personId = await MakePersonAsync(practitioner, name);

        using var representative = NewClient();
        await representative.SignInAsync("representative@people.example");
        var requestId = await PostRequestAsync(representative, personId);
        // Matching providers are told, without the person's name.
        var told = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == $"office-{tag}@croft.example").Select(m => m.TextBody).ToListAsync(Ct));
        Assert.Single(told);
        Assert.DoesNotContain(name, told[0]);

        using var brightSteps = NewClient();
        await brightSteps.SignInAsync(DemoUsers.Provider);
        Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(brightSteps, requestId, OfferForm(Portal, "Personal care visits at home by our team.", 19.50m))).StatusCode);
        using var helpers = NewClient();
        await helpers.SignInAsync(croft.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(helpers, requestId, OfferForm(Portal, "A worker goes swimming with you every week, and to meet your friends at the café.", 26m))).StatusCode);

        var compare = await representative.GetPageAsync($"/requests/{requestId}");
        var offers = compare.Document.QuerySelectorAll("#offers > li");
        Assert.Equal(2, offers.Length);
        Assert.Contains(croft.Name, offers[0].TextContent); // dearer, but fits both outcomes: first
        Assert.Contains("Not on the framework", offers[0].TextContent);
        Assert.Contains("Bright Steps Care", offers[1].TextContent);
        Assert.Contains("On the council's framework", offers[1].TextContent);

        var chosen = await representative.SubmitAsync(compare, new Dictionary<string, string>(), $"#{offers[0].Id} form");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var waiting = await representative.GetPageAsync($"/requests/{requestId}");
        Assert.Contains("The decision is due by", waiting.Text);
        var instanceId = await Portal.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.ApprovalInstanceId).SingleAsync(Ct));
        Assert.NotNull(instanceId);

        using var commissioner = NewClient();
        await commissioner.SignInAsync(DemoUsers.GlenmoreCommissioner);
        Assert.Contains(croft.Name, (await commissioner.GetPageAsync("/approvals")).Text);
        var approval = await commissioner.GetPageAsync($"/approvals/{instanceId}");
        Assert.DoesNotContain(name, approval.Text); // the commissioner sees the anonymised request only
        Assert.Contains("Proved by the provider's verified passport", approval.Text);
        var noReasons = await commissioner.SubmitAsync(approval, new Dictionary<string, string> { ["Decision"] = "approve", ["Reasons"] = "" }, "form[action$='/decide']");
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Contains("Give your reasons", await noReasons.Content.ReadAsStringAsync(Ct));
        Assert.Equal("requested", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.State).SingleAsync(Ct)));
        var approved = await commissioner.SubmitAsync(approval, new Dictionary<string, string> { ["Decision"] = "approve", ["Reasons"] = "PVG, insurance and company number are verified on their passport." }, "form[action$='/decide']");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var decided = await representative.GetPageAsync($"/requests/{requestId}");
        Assert.Contains("Approved", decided.Document.QuerySelector("#approval-decision")!.TextContent);
        Assert.Contains("PVG, insurance and company number are verified", decided.Text);

        var draft = await practitioner.GetPageAsync($"/agreements/new?request={requestId}");
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        Assert.Contains("Go swimming every week", draft.ValueOf("Terms_Outcomes"));
        Assert.Equal("300.00", draft.ValueOf("Terms_WeeklyBudget"));
        Assert.Equal(croft.ProviderId.ToString(), draft.ValueOf("ProviderId"));
        var offered = await practitioner.SubmitAsync(draft, new Dictionary<string, string> { ["Terms.BudgetHolder"] = croft.Name });
        Assert.True(offered.StatusCode == HttpStatusCode.Redirect, await offered.Content.ReadAsStringAsync(Ct));
        Assert.True(await Portal.WithDbAsync(db => db.IsfAgreements.AnyAsync(a => a.SupportedPersonId == personId && a.ProviderId == croft.ProviderId, Ct)));

        // After the choice, the chosen provider reads the record; the one that did not win sees only the anonymised request.
        Assert.Equal(HttpStatusCode.OK, (await helpers.GetAsync($"/people/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await brightSteps.GetAsync($"/people/{personId}")).StatusCode);
        var anonymised = await brightSteps.GetPageAsync($"/requests/{requestId}");
        Assert.Equal(HttpStatusCode.OK, anonymised.Status);
        Assert.Contains("Go swimming every week", anonymised.Text);
        Assert.DoesNotContain(name, anonymised.Html);
        Assert.DoesNotContain("Ailsa", anonymised.Html);
        Assert.Contains("The person chose another offer", anonymised.Text);
    }

    [Fact]
    public async Task Only_the_person_their_representative_and_practitioner_read_the_record_and_every_read_is_in_the_access_log()
    {
        var tag = Tag();
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var personId = await MakePersonAsync(practitioner, $"Iona Fraser {tag}");
        var ardbraeEmail = await ArdbraePractitionerAsync(Portal, tag);

        foreach (var email in new[] { ardbraeEmail, DemoUsers.GlenmoreCommissioner, DemoUsers.GlenmoreFinance, DemoUsers.Administrator, DemoUsers.Provider, "micro@lochview.example" })
        {
            using var other = NewClient();
            await other.SignInAsync(email);
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync($"/people/{personId}")).StatusCode, $"{email} must not find the record");
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync($"/people/{personId}/requests/new")).StatusCode, $"{email} must not post for the person");
        }
        Assert.Equal(0, await Portal.WithDbAsync(db => db.PersonRecordReads.CountAsync(r => r.SupportedPersonId == personId, Ct))); // refused reads read nothing

        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/people/{personId}")).StatusCode);
        using var representative = NewClient();
        await representative.SignInAsync("representative@people.example");
        var log = await representative.GetPageAsync($"/people/{personId}");
        var rows = log.Document.QuerySelectorAll("#access-log-list li").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count); // the practitioner's read, and this one
        Assert.Contains(rows, r => r.Contains("Ravi Sharma", StringComparison.Ordinal) && r.Contains("your practitioner", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Ailsa Reid", StringComparison.Ordinal) && r.Contains("your representative", StringComparison.Ordinal));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.PersonRecordReads.CountAsync(r => r.SupportedPersonId == personId, Ct)));
    }
}

// Their own portals: the journey adds a Gaelic-speaking service for older people in North Glenmore, which the
// directory tests on the shared portal would otherwise find (they count exactly what the demo data holds).
public sealed class PersonsSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class PersonsPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class PersonsJourneyOnSqlite(PersonsSqlitePortal portal) : PersonsJourneyTests(portal), IClassFixture<PersonsSqlitePortal>;

public sealed class PersonsJourneyOnPostgres : PersonsJourneyTests, IClassFixture<PersonsPostgresPortal>
{
    public PersonsJourneyOnPostgres(PersonsPostgresPortal portal) : base(portal)
    {
        if (!PortalFactory.PostgresAvailable) Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }
}
