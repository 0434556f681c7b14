using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Browser steps the issue 15 journeys share (publishing, asking and answering, responding, the seal), each running
/// axe on the pages it opens: <see cref="OpportunityPublishingTests"/>, <see cref="TenderResponseTests"/> and
/// <see cref="TenderEndToEndTests"/>.
/// </summary>
public abstract class TenderJourneyTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    public const string MicroProvider = "micro@lochview.example";
    public const string SecondCommissioner = "second.commissioner@glenmore.example";

    /// <summary>As a signed-in provider: saves a search for one CPV code, e-mailed at once.</summary>
    protected async Task SaveCpvSearchAsync(string cpv)
    {
        await VisitAsync("/opportunities/alerts");
        await Page.GetByLabel("CPV code (optional)").FillAsync(cpv);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save search" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Search saved");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"CPV {cpv}");
        await CheckAccessibilityAsync();
    }

    /// <summary>As Glenmore's commissioner on the new-opportunity form: fills an open tender for CPV 85312000 (quality weight as given).</summary>
    protected async Task FillTenderAsync(string title, DateTimeOffset deadline, string qualityWeight = "60", string? estimatedValue = null)
    {
        await Page.GetByLabel("Kind of opportunity").SelectOptionAsync("OpenTender");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Plain-language summary").FillAsync("Support in people's own homes, planned with each person around what matters to them.");
        await Page.GetByLabel("CPV codes (optional)").FillAsync("85312000-9");
        if (estimatedValue is not null) await Page.GetByLabel("Estimated total value in pounds (optional)").FillAsync(estimatedValue);
        await TickAsync("North Glenmore");
        await TickAsync("Adults with a learning disability");
        await Page.GetByLabel("Submission deadline").FillAsync($"{deadline:d/M/yyyy} 12:00");
        await Page.GetByLabel("Quality weight (%)").FillAsync(qualityWeight);
    }

    /// <summary>On a draft's page: saves the filled form and returns the draft's path.</summary>
    protected async Task<string> SaveDraftAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft saved");
        var here = new Uri(Page.Url).AbsolutePath;
        Assert.Matches("^/authority/glenmore/opportunities/[0-9a-f-]{36}$", here);
        await CheckAccessibilityAsync();
        return here;
    }

    /// <summary>On a draft's page: adds the lots, one at a time.</summary>
    protected async Task AddLotsAsync(params string[] lots)
    {
        foreach (var lot in lots)
        {
            await Page.GetByLabel("Lot title").FillAsync(lot);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add lot" }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"added: {lot}");
        }
        await CheckAccessibilityAsync();
    }

    /// <summary>Previews the draft at <paramref name="here"/>, then publishes it after the confirmation; returns its id.</summary>
    protected async Task<Guid> PreviewAndPublishAsync(string here, params string[] previewShows)
    {
        await VisitAsync($"{here}/preview");
        foreach (var text in previewShows) await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(text);
        await VisitAsync($"{here}/publish");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish it" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Stage: Published");
        await CheckAccessibilityAsync();
        return Guid.Parse(here.Split('/')[^1]);
    }

    /// <summary>As a signed-in provider: asks a question from the opportunity's public page.</summary>
    protected async Task AskAsync(Guid opportunityId, string question)
    {
        await VisitAsync($"/opportunities/{opportunityId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "ask a question" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.GetByLabel("Your question").FillAsync(question);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your question is sent");
        await CheckAccessibilityAsync();
    }

    /// <summary>As the commissioner on the questions page: answers <paramref name="askerName"/>'s question for everyone, reworded.</summary>
    protected async Task AnswerForEveryoneAsync(string askerName, string publishedQuestion, string answer)
    {
        var asked = Page.Locator("section", new() { HasText = $"{askerName} asked" });
        await asked.GetByLabel("The question as published (optional)").FillAsync(publishedQuestion);
        await asked.GetByLabel("Answer", new() { Exact = true }).FillAsync(answer);
        await asked.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Answered for everyone");
        await CheckAccessibilityAsync();
    }

    /// <summary>The signed-in user reads nothing of <paramref name="secret"/> by the responses CSV, the API or the response's page.</summary>
    protected async Task AssertCannotReadAsync(Guid opportunityId, string secret, Guid responseId)
    {
        foreach (var path in new[] { $"/tendering/{opportunityId}/responses?handler=csv", $"/api/tendering/{opportunityId}/responses", $"/tendering/{opportunityId}/responses/{responseId}" })
        {
            var response = await Context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            Assert.DoesNotContain(secret, await response.TextAsync());
        }
    }

    /// <summary>A second Glenmore commissioner (two-step sign-in as the demo users), for the second opening.</summary>
    protected async Task EnsureSecondCommissionerAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(SecondCommissioner) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<CommissioningPortal.Data.PortalDbContext>();
        var glenmoreId = await db.Authorities.Where(a => a.Code == "glenmore").Select(a => a.Id).SingleAsync();
        var user = new PortalUser { UserName = SecondCommissioner, Email = SecondCommissioner, EmailConfirmed = true, DisplayName = "Hamish Ross (Commissioner)", AuthorityId = glenmoreId, CreatedAt = Portal.Clock.GetUtcNow() };
        await users.CreateAsync(user, DemoUsers.Password);
        await users.AddToRoleAsync(user, Roles.Commissioner);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    /// <summary>As the commissioner, after the deadline: opens the responses as the first of two (they stay sealed).</summary>
    protected async Task OpenFirstAsync(Guid opportunityId)
    {
        await VisitAsync($"/tendering/{opportunityId}/responses");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the responses" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("They stay sealed until a second colleague opens them too");
        await CheckAccessibilityAsync();
    }

    /// <summary>As a second colleague: opens the responses, which then show.</summary>
    protected async Task OpenSecondAsync(Guid opportunityId)
    {
        await VisitAsync($"/tendering/{opportunityId}/responses");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the responses as the second person" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The responses are open");
        await CheckAccessibilityAsync();
    }
}
