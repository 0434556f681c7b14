using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>What <see cref="ProviderOnboardingJourney.RegisterPersonalAssistantAsync"/> made: enough to carry the journey on.</summary>
public sealed record RegisteredPersonalAssistant(
    string Email, string Password, string Name, Guid ProviderId, Guid PvgItemId, Guid PublicLiabilityItemId, string ServiceName);

/// <summary>
/// The acceptance journey's first half, in a real browser: a self-employed Personal Assistant signs
/// up, confirms their e-mail from the link the portal sent, runs the registration wizard, uploads
/// PVG and public liability evidence (real PDFs) and lists a service with an hourly rate and
/// capacity. Every page is checked with axe through the <c>visit</c>/<c>checkAccessibility</c>
/// callbacks (a test's <c>VisitAsync</c> and <c>CheckAccessibilityAsync</c>).
/// <para>To extend it — a commissioner verifies both items, then the PA appears in the directory and
/// the Open Referral feed — call <see cref="RegisterPersonalAssistantAsync"/>, sign out, sign in as
/// a commissioner and open <c>/evidence/{PvgItemId}</c> and <c>/evidence/{PublicLiabilityItemId}</c>.</para>
/// </summary>
public sealed class ProviderOnboardingJourney(IPage page, PortalFactory portal, Func<string, Task> visit, Func<Task> checkAccessibility)
{
    public const string Password = "heather on the hills in june";

    public async Task<RegisteredPersonalAssistant> RegisterPersonalAssistantAsync(string name = "Isla Fraser", string serviceName = "Isla's personal assistance")
    {
        var email = $"pa-{Guid.NewGuid():N}@pa.example";
        await SignUpAndConfirmAsync(name, email);
        await SignInAsync(email);
        await RunWizardAsync(name, email);
        var providerId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.ProviderId!.Value).SingleAsync());
        var items = await portal.WithDbAsync(db => db.PassportItems.Where(i => i.ProviderId == providerId).ToListAsync());
        var pvg = items.Single(i => i.Kind == Domain.Marketplace.PassportItemKind.Pvg);
        var liability = items.Single(i => i.Kind == Domain.Marketplace.PassportItemKind.PublicLiability);
        await UploadEvidenceAsync("PVG scheme membership", "pvg-record.pdf", "PVG scheme record for " + name);
        await UploadEvidenceAsync("Public liability insurance", "public-liability.pdf", "Public liability certificate");
        await ListServiceAsync(serviceName);
        return new RegisteredPersonalAssistant(email, Password, name, providerId, pvg.Id, liability.Id, serviceName);
    }

    /// <summary>Creates the account ("I provide support or services") and opens the confirmation link from the e-mail.</summary>
    public async Task SignUpAndConfirmAsync(string name, string email)
    {
        await visit("/account/register");
        await page.Locator("label[for=AccountType-ProviderUser]").ClickAsync(); // the design system's radio is drawn by its label
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your e-mail");

        var body = await portal.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.ToAddress == email && m.Kind == "account-confirmation").Select(m => m.TextBody).SingleAsync());
        var link = body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/confirm-email?", StringComparison.Ordinal));
        await visit(new Uri(link).PathAndQuery);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("E-mail address confirmed");
    }

    public async Task SignInAsync(string email)
    {
        await visit("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private async Task ContinueAsync(string expectedPath)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.WaitForURLAsync("**" + expectedPath);
        await checkAccessibility();
    }

    /// <summary>The wizard from the provider home: kind, about (saved for later and resumed), contact, passport, check.</summary>
    public async Task RunWizardAsync(string name, string email)
    {
        await visit("/provider");
        Assert.EndsWith("/provider/register/kind", page.Url);
        await Assertions.Expect(page.Locator(".ds_page-header__label")).ToContainTextAsync("step 1 of 5");
        await page.Locator("label[for=Kind-PersonalAssistant]").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Personal Assistant (self-employed)")).ToBeCheckedAsync();
        await ContinueAsync("/provider/register/about");

        await page.GetByLabel("Your name, as people will see it").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await page.WaitForURLAsync("**/provider/register/saved");
        await checkAccessibility();
        await visit("/provider/register");
        Assert.EndsWith("/provider/register/about", page.Url);
        await Assertions.Expect(page.GetByLabel("Your name, as people will see it")).ToHaveValueAsync(name);
        await page.GetByLabel("About you and the support you give").FillAsync("I help older people live at home: personal care, shopping, getting out and about. I speak Gaelic.");
        await ContinueAsync("/provider/register/contact");

        await Assertions.Expect(page.GetByText("never published")).ToBeVisibleAsync();
        await page.GetByLabel("Contact e-mail address").FillAsync(email);
        await page.GetByLabel("Phone number (optional)").FillAsync("07700 900123");
        await page.GetByLabel("Address line").FillAsync("3 Harbour Row");
        await page.GetByLabel("Town or city").FillAsync("Glenmore");
        await page.GetByLabel("Postcode").FillAsync("IV1 1AA");
        await ContinueAsync("/provider/register/passport");

        var nextYear = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime).AddYears(1).ToString("yyyy-MM-dd");
        await page.GetByLabel("PVG scheme membership: number").FillAsync("1234567890123456");
        await page.GetByLabel("Public liability insurance: number").FillAsync("PL-2026-77");
        await page.GetByLabel("Public liability insurance: expiry date").FillAsync(nextYear);
        await ContinueAsync("/provider/register/check");

        await Assertions.Expect(page.GetByText("IV1 1AA")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync("**/provider/passport");
        await checkAccessibility();
        await Assertions.Expect(page.GetByText("You are registered")).ToBeVisibleAsync();
    }

    /// <summary>From the passport page, uploads a generated PDF as the evidence for an item.</summary>
    public async Task UploadEvidenceAsync(string itemName, string fileName, string text)
    {
        await visit("/provider/passport");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Upload evidence for {itemName}" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await checkAccessibility();
        await page.GetByLabel("Evidence file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = ProviderTestData.MinimalPdf(text) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/provider/passport");
        await checkAccessibility();
        await Assertions.Expect(page.Locator("tr", new() { HasText = itemName }).Locator(".ds_tag")).ToHaveTextAsync("Unverified");
    }

    /// <summary>Adds a service with an hourly rate and hours free, in the first demo area.</summary>
    public async Task ListServiceAsync(string serviceName)
    {
        await visit("/provider/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a service" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await checkAccessibility();
        await page.GetByLabel("Name of the service").FillAsync(serviceName);
        await page.GetByLabel("What it is, in plain words").FillAsync("Help at home for older people, in English or Gaelic.");
        await page.Locator("input[name=SupportTypes] + label").First.ClickAsync();
        await page.Locator("input[name=ClientGroups] + label").First.ClickAsync();
        await page.Locator("input[name=Localities] + label").First.ClickAsync();
        await page.Locator("label[for=Languages-gd]").ClickAsync();
        await page.GetByLabel("Rate in pounds").FillAsync("19.25");
        await page.GetByLabel("Rate is").SelectOptionAsync(new SelectOptionValue { Label = "per hour" });
        await page.GetByLabel("Hours free a week").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await page.WaitForURLAsync("**/provider/services");
        await checkAccessibility();
        var row = page.Locator("tr", new() { HasText = serviceName });
        await Assertions.Expect(row).ToContainTextAsync("£19.25 per hour");
        await Assertions.Expect(row).ToContainTextAsync("10 hours a week free");
    }
}
