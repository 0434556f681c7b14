using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 14 in the browser: a commissioner never meets a form they cannot submit nor an agreement
/// step on the generic process page; an offer to a person without an account invites them, and
/// their acceptance after signing up carries the agreement through to Active. axe on each page.
/// </summary>
public sealed class AgreementTrustTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>Opens the offered PDF (acceptance binds to it), ticks the box and accepts.</summary>
    private async Task AcceptAsync(string agreementUrl, string button)
    {
        Assert.True((await Context.APIRequest.GetAsync($"{agreementUrl}/v1/offered")).Ok);
        await VisitAsync(agreementUrl);
        await Page.Locator("label[for=Confirm]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
    }

    private async Task<string> OfferAsync(string person, string? personEmail)
    {
        await VisitAsync("/agreements");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start an agreement" }).ClickAsync();
        await CheckAccessibilityAsync();
        await Page.Locator("#PersonName").FillAsync(person);
        if (personEmail is not null) await Page.Locator("#PersonEmail").FillAsync(personEmail);
        var brightSteps = await Page.Locator("#ProviderId option", new() { HasTextString = "Bright Steps Care" }).GetAttributeAsync("value");
        await Page.Locator("#ProviderId").SelectOptionAsync(brightSteps!);
        await Page.Locator("#Terms_WeeklyBudget").FillAsync("312.50");
        await Page.Locator("#Terms_BudgetHolder").FillAsync("Bright Steps Care, on the person's behalf");
        await Page.Locator("#Terms_StartDate").FillAsync("2026-12-14");
        await Page.Locator("#Terms_ReviewDate").FillAsync("2027-06-14");
        await Page.Locator("#Terms_Outcomes").FillAsync("Go swimming every week");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Offer the agreement" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("offered");
        await CheckAccessibilityAsync();
        return new Uri(Page.Url).AbsolutePath;
    }

    [Fact]
    public async Task A_commissioner_never_sees_the_offer_form_nor_an_agreement_step_on_the_process_page_and_no_path_is_an_error()
    {
        await SignInAsync(DemoUsers.GlenmorePractitioner);
        var agreementUrl = await OfferAsync($"Iona Fraser {Guid.NewGuid().ToString()[..4]}", DemoUsers.Person);

        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/agreements");
        Assert.Equal(0, await Page.GetByRole(AriaRole.Link, new() { Name = "Start an agreement" }).CountAsync());
        // Typing the address gives the portal's own "no access" page, never the error page and never a form.
        await VisitAsync("/agreements/new", 403);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        Assert.Equal(0, await Page.Locator("#PersonName").CountAsync());

        // The agreement's process on the generic page: every step is taken on the agreement's own page.
        await VisitAsync(agreementUrl);
        var agreementId = Guid.Parse(agreementUrl.Split('/')[^1]);
        var instance = await Portal.WithDbAsync(db => db.IsfAgreements.Where(a => a.Id == agreementId).Select(a => a.WorkflowInstanceId).SingleAsync());
        await VisitAsync($"/processes/{instance}");
        Assert.Equal(0, await Page.Locator("input[name=Trigger]").CountAsync());
        await Page.Locator("#feature-page").GetByRole(AriaRole.Link, new() { Name = "go to that page" }).ClickAsync();
        await Page.WaitForURLAsync("**" + agreementUrl);
        await CheckAccessibilityAsync();

        // The person and the provider accept; the authority's turn is a task in the commissioner's inbox that opens the agreement.
        await SwitchToAsync(DemoUsers.Person);
        await AcceptAsync(agreementUrl, "Accept the agreement");
        await SwitchToAsync(DemoUsers.Provider);
        await AcceptAsync(agreementUrl, "Accept the agreement");
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/processes/{instance}");
        Assert.Equal(0, await Page.Locator("input[name=Trigger]").CountAsync());
        await VisitAsync("/tasks");
        await Page.Locator($"tr:has(a[href='/processes/{instance}'])").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open") }).ClickAsync();
        await Page.WaitForURLAsync("**" + agreementUrl);
        await CheckAccessibilityAsync();
        await AcceptAsync(agreementUrl, "Authorise the agreement");
        await Assertions.Expect(Page.Locator("#agreement-stage")).ToContainTextAsync("Active");
        await Assertions.Expect(Page.Locator("#agreement-in-force")).ToContainTextAsync("In force: version 1");
    }

    [Fact]
    public async Task An_offer_to_a_person_without_an_account_invites_them_and_their_acceptance_after_signing_up_completes_the_agreement()
    {
        var email = $"skye.{Guid.NewGuid():N}"[..17] + "@people.example";
        var person = $"Skye Morrison {Guid.NewGuid().ToString()[..4]}";
        await SignInAsync(DemoUsers.GlenmorePractitioner);
        var agreementUrl = await OfferAsync(person, email);
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("invitation");
        await Assertions.Expect(Page.Locator("#agreement-waiting-to-join")).ToContainTextAsync("Waiting for the person to join");
        await Assertions.Expect(Page.Locator("#paper-signature")).ToBeVisibleAsync(); // the paper route is there meanwhile

        // The invitation, through the outbox, links to sign-up with the address filled in.
        var invitation = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email && m.Kind == "agreement:invitation").Select(m => m.TextBody).SingleAsync());
        var register = invitation.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/register?", StringComparison.Ordinal));
        await Context.ClearCookiesAsync();
        await VisitAsync(new Uri(register).PathAndQuery);
        Assert.Equal(email, await Page.GetByLabel("E-mail address").InputValueAsync());
        await Assertions.Expect(Page.Locator("#AccountType-SupportedPerson")).ToBeCheckedAsync();
        await Page.GetByLabel("Your name").FillAsync(person);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await Page.GetByLabel("Confirm password").FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Check your e-mail");
        var confirmation = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email && m.Kind == "account-confirmation").Select(m => m.TextBody).SingleAsync());
        await VisitAsync(new Uri(confirmation.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/confirm-email?", StringComparison.Ordinal))).PathAndQuery);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("E-mail address confirmed");

        // Signed in, the agreement waits for them on their own page; they open it and accept.
        await SignInAsync(email);
        await VisitAsync("/my-support");
        await Assertions.Expect(Page.Locator($"li:has(a[href='{agreementUrl}'])")).ToContainTextAsync("Waiting for you to read and accept");
        await AcceptAsync(agreementUrl, "Accept the agreement");

        await SwitchToAsync(DemoUsers.Provider);
        await AcceptAsync(agreementUrl, "Accept the agreement");
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await AcceptAsync(agreementUrl, "Authorise the agreement");
        await Assertions.Expect(Page.Locator("#agreement-stage")).ToContainTextAsync("Active");
        var agreementId = Guid.Parse(agreementUrl.Split('/')[^1]);
        var acceptedBy = await Portal.WithDbAsync(db => db.IsfAcceptances
            .Where(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == agreementId)).Select(a => a.Name).ToListAsync());
        Assert.Contains(person, acceptedBy);
    }
}
