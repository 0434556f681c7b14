using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 12 item 3, in the browser: a provider changes the rate and the areas of a service they
/// already have (which used to end at the "someone else changed this" page every time), and a
/// colleague's save in between gets the 409 page naming them; axe on every page.
/// </summary>
public sealed class ServiceEditTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_provider_changes_the_rate_and_areas_of_an_existing_service()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider, $"Lunch Club {Guid.NewGuid():N}"[..20]);
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        var (serviceId, serviceName, authority, first, second) = await Portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.Include(a => a.Localities).SingleAsync(a => a.Code == "glenmore");
            var localities = glenmore.Localities.OrderBy(l => l.Name).ToList();
            var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
            var service = new Service
            {
                ProviderId = provider.Id, Name = $"Lunch club {Guid.NewGuid():N}"[..19], Description = "A weekly lunch club with transport.",
                SupportTypes = ["day-opportunities"], ClientGroups = ["older-people"], Languages = ["en"], CreatedAt = Portal.Clock.GetUtcNow(),
            };
            service.CoverLocalities([(glenmore.Id, localities[0].Id)]);
            service.AddRate(1850, RateUnit.PerHour, today.AddDays(-10));
            service.ConfirmCapacity(6, null, Portal.Clock.GetUtcNow());
            service.RecordChange(Portal.Clock.GetUtcNow(), "Test Provider");
            service.Reindex(provider);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return (service.Id, service.Name, glenmore.Name, localities[0].Name, localities[1].Name);
        });

        await SignInAsync(email, ProviderTestData.Password);
        await VisitAsync("/provider/services");
        await Page.GetByRole(AriaRole.Link, new() { Name = serviceName }).ClickAsync();
        await Page.WaitForURLAsync($"**/provider/services/edit/{serviceId}");
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.GetByLabel($"{authority}: {first}")).ToBeCheckedAsync();

        // A new rate from today and one more area.
        await Page.GetByLabel("New rate in pounds (optional)").FillAsync("21.00");
        await Page.GetByLabel("Rate starts on").FillAsync(today.ToString("yyyy-MM-dd"));
        await TickAsync($"{authority}: {second}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await Page.WaitForURLAsync("**/provider/services");
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.GetByText($"{serviceName} saved.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Row, new() { NameRegex = new(serviceName) })).ToContainTextAsync("£21.00 per hour");

        var saved = await Portal.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Rates).Include(s => s.Areas).AsSplitQuery().SingleAsync(s => s.Id == serviceId));
        Assert.Equal(2, saved.Areas.Count);
        Assert.Equal([(1850, (DateOnly?)today.AddDays(-1)), (2100, null)], saved.Rates.OrderBy(r => r.EffectiveFrom).Select(r => (r.AmountPence, r.EffectiveTo)));

        // A colleague saves while the page is open: saving gets the 409 page naming them, with both versions.
        await VisitAsync($"/provider/services/edit/{serviceId}");
        await Portal.WithDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == serviceId);
            service.Description = "A weekly lunch club with transport, on Tuesdays.";
            service.RecordChange(Portal.Clock.GetUtcNow(), "Morven Colleague");
            await db.SaveChangesAsync();
        });
        await Page.GetByLabel("Hours free a week").FillAsync("4");
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(409, response.Status);
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Morven Colleague changed this service");
        await Assertions.Expect(Page.Locator("#conflict")).ToContainTextAsync("on Tuesdays");
        await Assertions.Expect(Page.GetByLabel("Hours free a week")).ToHaveValueAsync("4");
        await CheckAccessibilityAsync();
    }
}
