using System.Net;
using AngleSharp.Html.Dom;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using CommissioningPortal.Web.Features.ProviderOnboarding;
using CommissioningPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>
/// The services editor and the stale-capacity prompt. On a portal of their own: the services they
/// add would otherwise change the counts the shared portal's directory tests expect.
/// </summary>
public abstract class ProviderServicesTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task A_service_with_a_rate_and_capacity_is_listed_indexed_for_the_directory_and_exported()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        var (supportType, clientGroup, locality) = await Portal.WithDbAsync(async db => (
            await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.SupportType).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(),
            await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(),
            await db.Localities.OrderBy(l => l.Name).FirstAsync()));
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/services/edit");

        // Missing rate and capacity: 400, named, the rest kept.
        var response = await client.PostFormAsync(form, [("Name", "Help at home"), ("Description", "Help with daily living at home."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", locality.Id.ToString()), ("Languages", "en"), ("Languages", "gd"),
            ("RateAmount", ""), ("RateUnit", "PerHour"), ("HoursFreePerWeek", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("Enter a rate", problem.Text);
        Assert.Contains("Enter how many hours a week you have free", problem.Text);
        Assert.Equal("Help at home", problem.ValueOf("Name"));
        Assert.True((problem.Document.GetElementById("Languages-gd") as IHtmlInputElement)!.IsChecked);

        response = await client.PostFormAsync(form, [("Name", "Help at home"), ("Description", "Help with daily living at home."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", locality.Id.ToString()), ("Languages", "en"), ("Languages", "gd"),
            ("RateAmount", "18.50"), ("RateUnit", "PerHour"), ("RateFrom", ""), ("HoursFreePerWeek", "12"), ("EarliestStart", "")]);
        Assert.Equal("/provider/services", response.Headers.Location?.OriginalString);

        await Portal.WithDbAsync(async db =>
        {
            var service = await db.Services.Include(s => s.Rates).Include(s => s.Tags).Include(s => s.Areas).SingleAsync(s => s.ProviderId == providerId);
            var rate = Assert.Single(service.Rates);
            Assert.Equal(1850, rate.AmountPence);
            Assert.Equal(RateUnit.PerHour, rate.Unit);
            Assert.Equal(12, service.HoursFreePerWeek);
            Assert.Equal(Portal.Clock.GetUtcNow(), service.CapacityConfirmedAt!.Value, TimeSpan.FromSeconds(1));
            Assert.Equal(locality.AuthorityId, Assert.Single(service.Areas).AuthorityId);
            Assert.Contains(service.Tags, t => t.Tag == ServiceTag.ForSupportType(supportType));
            Assert.Contains(service.Tags, t => t.Tag == ServiceTag.ForLocality(locality.Id));
            Assert.Contains("scottish gaelic", service.SearchText);
        });

        var list = await client.GetPageAsync("/provider/services");
        Assert.Contains("£18.50 per hour", list.Text);
        Assert.Contains("12 hours a week free", list.Text);
        var csv = await (await client.GetAsync("/provider/services?handler=export")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Help at home", csv);
        Assert.Contains("£18.50 per hour", csv);
    }

    /// <summary>
    /// Issue 12 item 3: saving an existing service with a new rate or one more area ended at
    /// /error/409 every time (the new rate and area rows were sent to the database as updates of rows
    /// that did not exist). A provider changes both, and the old rate stays on record until the new one starts.
    /// </summary>
    [Fact]
    public async Task A_provider_changes_the_rate_and_areas_of_an_existing_service()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (supportType, clientGroup, localities) = await ReferenceAsync();
        using var client = await Portal.SignedInProviderAsync(email);
        var serviceId = await AddServiceAsync(client, providerId, supportType, clientGroup, localities[0]);
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(14).ToString("yyyy-MM-dd");

        var edit = await client.GetPageAsync($"/provider/services/edit/{serviceId}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var response = await client.PostFormAsync(edit, [.. FormOf(edit), ("Localities", localities[0].ToString()), ("Localities", localities[1].ToString()),
            ("RateAmount", "21.75"), ("RateUnit", "PerHour"), ("RateFrom", from)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/provider/services", response.Headers.Location?.OriginalString);

        await Portal.WithDbAsync(async db =>
        {
            var service = await db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas).Include(s => s.Tags).AsSplitQuery().SingleAsync(s => s.Id == serviceId, Ct);
            Assert.Equal(localities.Take(2).Order(), service.Areas.Select(a => a.LocalityId).Order());
            Assert.Contains(service.Tags, t => t.Tag == ServiceTag.ForLocality(localities[1]));
            var rates = service.Rates.OrderBy(r => r.EffectiveFrom).ToList();
            Assert.Equal(2, rates.Count);
            Assert.Equal((1850, today.AddDays(13)), (rates[0].AmountPence, rates[0].EffectiveTo));
            Assert.Equal((2175, DateOnly.Parse(from), (DateOnly?)null), (rates[1].AmountPence, rates[1].EffectiveFrom, rates[1].EffectiveTo));
            Assert.Equal("Test Provider", service.UpdatedBy);
        });

        // And one area fewer, with no new rate, keeps both rates.
        edit = await client.GetPageAsync($"/provider/services/edit/{serviceId}");
        response = await client.PostFormAsync(edit, [.. FormOf(edit), ("Localities", localities[1].ToString()), ("RateAmount", ""), ("RateUnit", "PerHour"), ("RateFrom", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Portal.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas).AsSplitQuery().SingleAsync(s => s.Id == serviceId, Ct));
        Assert.Equal([localities[1]], after.Areas.Select(a => a.LocalityId));
        Assert.Equal(2, after.Rates.Count);
    }

    /// <summary>
    /// Two people of one provider edit the same service from the same version: the first save stands;
    /// the second gets a 409 page that names who changed it and when, shows their version beside what
    /// was typed (kept in the form), and saves nothing. Saving again from that page then works.
    /// </summary>
    [Fact]
    public async Task Two_concurrent_edits_give_one_save_and_one_409_naming_the_other_editor()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var colleague = await NewColleagueAsync(providerId!.Value, "Morven Colleague");
        var (supportType, clientGroup, localities) = await ReferenceAsync();
        using var first = await Portal.SignedInProviderAsync(email);
        using var second = await Portal.SignedInProviderAsync(colleague);
        var serviceId = await AddServiceAsync(first, providerId, supportType, clientGroup, localities[0]);

        var mine = await first.GetPageAsync($"/provider/services/edit/{serviceId}");
        var theirs = await second.GetPageAsync($"/provider/services/edit/{serviceId}");
        var saved = await second.PostFormAsync(theirs, [.. FormOf(theirs, name: "Lunch club (Tuesdays)"), ("Localities", localities[0].ToString()),
            ("RateAmount", "19.00"), ("RateUnit", "PerHour"), ("RateFrom", "")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var conflict = await first.PostFormAsync(mine, [.. FormOf(mine, name: "Lunch club (Thursdays)"), ("Localities", localities[1].ToString()),
            ("RateAmount", "20.00"), ("RateUnit", "PerHour"), ("RateFrom", "")]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await PortalClient.Page.ReadAsync(conflict);
        var summary = page.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("Morven Colleague changed this service", summary);
        var comparison = page.Document.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Lunch club (Tuesdays)", comparison);
        Assert.Contains("Lunch club (Thursdays)", comparison);
        Assert.Contains("£19.00 per hour", comparison);
        Assert.Equal("Lunch club (Thursdays)", page.ValueOf("Name"));

        var stored = await Portal.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas).AsSplitQuery().SingleAsync(s => s.Id == serviceId, Ct));
        Assert.Equal("Lunch club (Tuesdays)", stored.Name);
        Assert.Equal([localities[0]], stored.Areas.Select(a => a.LocalityId));
        Assert.DoesNotContain(stored.Rates, r => r.AmountPence == 2000);
        Assert.Equal("Morven Colleague", stored.UpdatedBy);

        // Having seen their version, saving again from the conflict page is a deliberate overwrite.
        var again = await first.PostFormAsync(page, [.. FormOf(page), ("Localities", localities[1].ToString()), ("RateAmount", "20.00"), ("RateUnit", "PerHour"), ("RateFrom", "")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Lunch club (Thursdays)", await Portal.WithDbAsync(db => db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync(Ct)));
    }

    /// <summary>
    /// Found by the hostile-input corpus: a stale save whose lists hold an empty entry (an empty value binds as null)
    /// answered 500 while drawing the comparison. It is the same 409 page, the empty entry naming nothing.
    /// </summary>
    [Fact]
    public async Task A_stale_save_with_an_empty_language_entry_gets_the_conflict_page_not_an_error()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (supportType, clientGroup, localities) = await ReferenceAsync();
        using var client = await Portal.SignedInProviderAsync(email);
        var serviceId = await AddServiceAsync(client, providerId, supportType, clientGroup, localities[0]);
        var edit = await client.GetPageAsync($"/provider/services/edit/{serviceId}");

        // No version seen (as a hand-made post has none) is a version that is not the service's: the conflict page.
        var conflict = await client.PostFormAsync(edit, [.. FormOf(edit, name: "Lunch club (Fridays)").Where(f => f.Item1 != "SeenVersion"), ("SeenVersion", ""),
            ("Languages", ""), ("Localities", localities[0].ToString()), ("RateAmount", ""), ("RateUnit", "PerHour"), ("RateFrom", "")]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await PortalClient.Page.ReadAsync(conflict);
        Assert.Contains("Lunch club (Fridays)", page.Document.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Lunch club (Fridays)", page.ValueOf("Name"));
    }

    /// <summary>An empty language entry on a new service (an empty value binds as null) answered 500: it is a field message.</summary>
    [Fact]
    public async Task A_new_service_with_an_empty_language_entry_is_refused_naming_the_languages()
    {
        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (supportType, clientGroup, localities) = await ReferenceAsync();
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/services/edit");
        var refused = await client.PostFormAsync(form, [("Name", "Lunch club"), ("Description", "A weekly lunch club."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", localities[0].ToString()), ("Languages", ""),
            ("RateAmount", "18.50"), ("RateUnit", "PerHour"), ("RateFrom", ""), ("HoursFreePerWeek", "6"), ("EarliestStart", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains("language", page.Document.QuerySelector(".ds_error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Lunch club", page.ValueOf("Name"));
    }

    /// <summary>Two saves of the same version at the same moment: exactly one is saved, the other is a conflict naming the first's editor.</summary>
    [Fact]
    public async Task Two_saves_at_the_same_moment_save_exactly_one()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (supportType, clientGroup, localities) = await ReferenceAsync();
        using var client = await Portal.SignedInProviderAsync(email);
        var serviceId = await AddServiceAsync(client, providerId, supportType, clientGroup, localities[0]);
        var seen = await Portal.WithDbAsync(db => db.Services.Where(s => s.Id == serviceId).Select(s => s.Version).SingleAsync(Ct));

        async Task<UseCaseResult<Service>> SaveAsync(string editor, string name, Guid locality, string rate)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SaveService>().HandleAsync(
                new SaveService.Input(serviceId, seen, name, "A weekly lunch club.", [supportType], [clientGroup], [locality.ToString()], ["en"], null,
                    rate, "PerHour", "", "6", ""),
                new Actor(null, editor, null, providerId, false), Ct);
        }
        var results = await Task.WhenAll(SaveAsync("Ailsa First", "Lunch club A", localities[1], "19.00"), SaveAsync("Brodie Second", "Lunch club B", localities[2], "20.00"));

        var done = Assert.Single(results, r => r.Succeeded);
        var conflict = Assert.Single(results, r => r.Outcome == UseCaseOutcome.Conflict);
        var winner = done.Value!.UpdatedBy!;
        Assert.StartsWith($"{winner} changed this service", conflict.Errors.Single().Message);
        Assert.Equal(winner, conflict.Value!.UpdatedBy);
        var stored = await Portal.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas).AsSplitQuery().SingleAsync(s => s.Id == serviceId, Ct));
        Assert.Equal(done.Value.Name, stored.Name);
        Assert.Single(stored.Areas);
        // Both new rates start today, so the winner's replaces the one from today: the loser's is nowhere.
        Assert.Equal(done.Value.Name == "Lunch club A" ? 1900 : 2000, Assert.Single(stored.Rates).AmountPence);
    }

    private Task<(string SupportType, string ClientGroup, List<Guid> Localities)> ReferenceAsync() => Portal.WithDbAsync(async db => (
        await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.SupportType).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(Ct),
        await db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).Select(t => t.Code).FirstAsync(Ct),
        await db.Localities.OrderBy(l => l.Name).Select(l => l.Id).Take(3).ToListAsync(Ct)));

    /// <summary>Adds a service through the form (£18.50 an hour from today, one area) and returns its id.</summary>
    private async Task<Guid> AddServiceAsync(PortalClient client, Guid? providerId, string supportType, string clientGroup, Guid locality)
    {
        var form = await client.GetPageAsync("/provider/services/edit");
        var response = await client.PostFormAsync(form, [("Name", "Lunch club"), ("Description", "A weekly lunch club."),
            ("SupportTypes", supportType), ("ClientGroups", clientGroup), ("Localities", locality.ToString()), ("Languages", "en"),
            ("RateAmount", "18.50"), ("RateUnit", "PerHour"), ("RateFrom", ""), ("HoursFreePerWeek", "6"), ("EarliestStart", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Portal.WithDbAsync(db => db.Services.Where(s => s.ProviderId == providerId).Select(s => s.Id).SingleAsync(Ct));
    }

    /// <summary>What the edit form shows (every field but areas and the new rate), as a browser would send it back.</summary>
    private static List<(string, string)> FormOf(PortalClient.Page page, string? name = null)
    {
        var form = page.Document.QuerySelector("main form[method=post]")!;
        var fields = new List<(string, string)>();
        foreach (var input in form.QuerySelectorAll("input, textarea").Cast<AngleSharp.Dom.IElement>())
        {
            var field = input.GetAttribute("name");
            if (field is null or "__RequestVerificationToken" or "Localities" or "RateAmount" or "RateUnit" or "RateFrom") continue;
            if (input is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked) continue;
            var value = input is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)input).Value;
            fields.Add((field, field == "Name" && name is not null ? name : value));
        }
        return fields;
    }

    /// <summary>A second user of the same provider, with their own name.</summary>
    private async Task<string> NewColleagueAsync(Guid providerId, string displayName)
    {
        var (email, _) = await Portal.CreateProviderUserAsync();
        await Portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
            user.ProviderId = providerId;
            user.DisplayName = displayName;
            await db.SaveChangesAsync(Ct);
        });
        return email;
    }

    [Fact]
    public async Task Stale_capacity_prompts_on_the_home_and_services_pages_until_confirmed()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var serviceId = await Portal.WithDbAsync(async db =>
        {
            var service = new Service { ProviderId = providerId!.Value, Name = "Lunch club", Description = "A weekly lunch club.", CreatedAt = Portal.Clock.GetUtcNow() };
            service.ConfirmCapacity(4, null, Portal.Clock.GetUtcNow().AddDays(-31));
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        using var client = await Portal.SignedInProviderAsync(email);
        var home = await client.GetPageAsync("/provider");
        Assert.NotNull(home.Document.QuerySelector(".portal-stale-capacity"));
        Assert.Contains("1 of your 1 service has capacity not confirmed for more than 30 days", home.Text);

        var services = await client.GetPageAsync("/provider/services");
        Assert.Contains("Out of date", services.Text);
        var response = await client.SubmitAsync(services, new Dictionary<string, string>(), "main form[action*=confirm]");
        Assert.Equal("/provider/services", response.Headers.Location?.OriginalString);

        Assert.Null((await client.GetPageAsync("/provider")).Document.QuerySelector(".portal-stale-capacity"));
        Assert.DoesNotContain("Out of date", (await client.GetPageAsync("/provider/services")).Text);
        var confirmed = await Portal.WithDbAsync(db => db.Services.Where(s => s.Id == serviceId).Select(s => s.CapacityConfirmedAt).SingleAsync());
        Assert.Equal(Portal.Clock.GetUtcNow(), confirmed!.Value, TimeSpan.FromSeconds(1));
    }
}

public sealed class ServicesSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class ServicesPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class ProviderServicesOnSqlite(ServicesSqlitePortal portal) : ProviderServicesTests(portal), IClassFixture<ServicesSqlitePortal>;

public sealed class ProviderServicesOnPostgres(ServicesPostgresPortal portal) : ProviderServicesTests(portal), IClassFixture<ServicesPostgresPortal>;
