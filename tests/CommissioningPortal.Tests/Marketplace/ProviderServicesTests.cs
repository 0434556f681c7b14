using System.Net;
using AngleSharp.Html.Dom;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
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
