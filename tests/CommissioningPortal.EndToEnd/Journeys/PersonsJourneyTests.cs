using System.Globalization;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 17's acceptance journey, axe on every page: a practitioner records a person with outcomes and a budget
/// told; the representative sees the same budget under all four options (keyboard alone, 320 px wide), posts a
/// request; Bright Steps (on the framework) and a micro-provider off it offer; the offers show by fit with the
/// off-framework one labelled; the representative chooses it; a commissioner approves with reasons; the person
/// sees the decision; the practitioner's agreement draft carries the request's outcomes and budget.
/// </summary>
public sealed class PersonsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The off-framework micro-provider (<see cref="OffFrameworkProvider"/>), personal care for older people in English.</summary>
    private async Task<(string Name, string Email)> OffFrameworkProviderAsync(string tag)
    {
        var seeded = await OffFrameworkProvider.AddAsync(Portal, tag, ["personal-care"], ["older-people"], ["en"], Ct);
        return (seeded.Name, seeded.Email);
    }

    /// <summary>Presses Tab until the focused element's text is <paramref name="text"/>, then Enter: the keyboard alone.</summary>
    private async Task TabToAndPressAsync(string text)
    {
        for (var i = 0; i < 300; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<string>("() => (document.activeElement && document.activeElement.innerText || '').trim()");
            if (focused == text)
            {
                await Page.RunAndWaitForNavigationAsync(() => Page.Keyboard.PressAsync("Enter"));
                await Page.WaitForLoadStateAsync();
                return;
            }
        }
        Assert.Fail($"'{text}' could not be reached with the Tab key on {Page.Url}");
    }

    /// <summary>At 320 px wide nothing needs scrolling sideways (WCAG 1.4.10 reflow).</summary>
    private async Task FitsInNarrowScreenAsync()
    {
        // With the cookie notice still showing, as a first visit has it (it once pushed every page 3 px sideways).
        await Page.SetViewportSizeAsync(320, 800);
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var wide = overflow <= 0 ? "" : await Page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1)).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow <= 0, $"{Page.Url} scrolls sideways by {overflow}px at 320 px wide: {wide}");
        await CheckAccessibilityAsync();
        await Page.SetViewportSizeAsync(1280, 800);
    }

    [Fact]
    public async Task The_representative_chooses_an_off_framework_offer_by_fit_the_commissioner_approves_and_the_draft_carries_the_request()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var croft = await OffFrameworkProviderAsync(tag);
        var name = $"Morven Reid {tag}";

        // The practitioner makes the record, refused first without outcomes (named), then with a budget told.
        await SignInAsync(DemoUsers.GlenmorePractitioner);
        await VisitAsync("/people");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Make a person's record" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.Locator("#Name").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the record" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Enter at least one outcome");
        await CheckAccessibilityAsync();
        await Page.Locator("#LocalityId").SelectOptionAsync(new SelectOptionValue { Label = "North Glenmore" });
        await Page.Locator("#Outcomes").FillAsync("Go swimming every week\nMeet my friends at the café on Saturdays");
        await Page.Locator("#WeeklyBudget").FillAsync("350");
        await Page.Locator("#BudgetToldOn").FillAsync(Date(Today.AddDays(-1)));
        await Page.Locator("#BudgetToldHow").FillAsync("At the support planning meeting");
        await Page.Locator("#RepresentativeName").FillAsync("Ailsa Reid");
        await Page.Locator("#RepresentativeRelationship").FillAsync("mum");
        await Page.Locator("#RepresentativeEmail").FillAsync("representative@people.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the record" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#budget-told")).ToContainTextAsync($"Told to {name}");
        await Assertions.Expect(Page.Locator("#budget")).ToContainTextAsync("£350.00 a week");
        await CheckAccessibilityAsync();

        // The representative sees the same budget under all four options, with the keyboard and at 320 px.
        await SwitchToAsync("representative@people.example");
        await VisitAsync("/my-support");
        var options = Page.Locator("#four-options > li");
        await Assertions.Expect(options).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++) await Assertions.Expect(options.Nth(i)).ToContainTextAsync("£350.00 a week");
        await FitsInNarrowScreenAsync();
        await TabToAndPressAsync("Show the easy-read version");
        await Assertions.Expect(Page.Locator("#option-3")).ToContainTextAsync("You still say who helps you.");
        await CheckAccessibilityAsync();
        await FitsInNarrowScreenAsync();

        // The representative posts a request.
        await TabToAndPressAsync("Ask for support");
        await CheckAccessibilityAsync();
        await Page.Locator("#SupportType").SelectOptionAsync("personal-care");
        await Page.Locator("#HoursPerWeek").FillAsync("10");
        await Page.Locator("#StartDate").FillAsync(Date(Today.AddDays(14)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post the request" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is posted");
        await CheckAccessibilityAsync();
        var requestUrl = new Uri(Page.Url).AbsolutePath;

        // Two providers offer: Bright Steps (on the framework, cheaper, says nothing of the outcomes) and the croft (off it).
        async Task OfferAsync(string email, string how, string price)
        {
            await SwitchToAsync(email);
            await VisitAsync("/requests");
            await VisitAsync(requestUrl);
            await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(name);
            await Page.Locator("#StartDate").FillAsync(Date(Today.AddDays(-1)));
            await Page.Locator("#HowOutcomesMet").FillAsync(how);
            await Page.Locator("#Price").FillAsync("-" + price);
            await Page.Locator("#PriceUnit").SelectOptionAsync("PerHour");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send the offer" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("The price cannot be negative");
            await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("The start date cannot be in the past");
            await CheckAccessibilityAsync();
            await Page.Locator("#StartDate").FillAsync(Date(Today.AddDays(14)));
            await Page.Locator("#Price").FillAsync(price);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send the offer" }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your offer is sent");
            await CheckAccessibilityAsync();
        }
        await OfferAsync(DemoUsers.Provider, "Personal care visits at home by our team.", "19.50");
        await OfferAsync(croft.Email, "A worker goes swimming with you every week, and to meet your friends at the café.", "26");

        // The offers by fit, the off-framework one labelled; chosen with the keyboard, at 320 px too.
        await SwitchToAsync("representative@people.example");
        await VisitAsync(requestUrl);
        var offers = Page.Locator("#offers > li");
        await Assertions.Expect(offers).ToHaveCountAsync(2);
        await Assertions.Expect(offers.Nth(0)).ToContainTextAsync(croft.Name);
        await Assertions.Expect(offers.Nth(0)).ToContainTextAsync("Not on the framework");
        await Assertions.Expect(offers.Nth(1)).ToContainTextAsync("Bright Steps Care");
        await Assertions.Expect(offers.Nth(1)).ToContainTextAsync("On the council's framework");
        await FitsInNarrowScreenAsync();
        await TabToAndPressAsync($"Choose {croft.Name}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("the council checks them first");
        await Assertions.Expect(Page.Locator("#approval-status")).ToContainTextAsync("The decision is due by");
        await CheckAccessibilityAsync();

        // The commissioner approves, with reasons.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/approvals");
        await Page.GetByRole(AriaRole.Link, new() { NameString = croft.Name }).ClickAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(name);
        await Page.Locator("label[for=Decision-approve]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Give your reasons");
        await CheckAccessibilityAsync();
        await Page.Locator("#Reasons").FillAsync("PVG, insurance and company number are verified on their passport.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await CheckAccessibilityAsync();

        // The person's side sees the decision.
        await SwitchToAsync("representative@people.example");
        await VisitAsync(requestUrl);
        await Assertions.Expect(Page.Locator("#approval-decision")).ToContainTextAsync("Approved");
        await Assertions.Expect(Page.Locator("#approval-decision")).ToContainTextAsync("PVG, insurance and company number are verified");
        await VisitAsync("/my-support");
        await Assertions.Expect(Page.Locator("#access-log-list")).ToContainTextAsync("Ravi Sharma");

        // The practitioner's agreement draft carries the request's outcomes, budget and provider.
        await SwitchToAsync(DemoUsers.GlenmorePractitioner);
        await VisitAsync("/people");
        await Page.GetByRole(AriaRole.Link, new() { NameString = $"Draft the agreement for {name}" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator("#Terms_Outcomes")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Go swimming every week"));
        await Assertions.Expect(Page.Locator("#Terms_WeeklyBudget")).ToHaveValueAsync("350.00");
        await Assertions.Expect(Page.Locator("#ProviderId option:checked")).ToContainTextAsync(croft.Name);

        // The practitioner's home (with its reviews) and the hand-over page from the record, axe clean.
        await VisitAsync("/people");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { NameString = "Reviews due" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
        await Page.Locator("#my-people a", new() { HasTextString = name }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { NameString = "Hand over to another practitioner" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync($"Hand {name} to another practitioner");
        await CheckAccessibilityAsync();
    }
}
