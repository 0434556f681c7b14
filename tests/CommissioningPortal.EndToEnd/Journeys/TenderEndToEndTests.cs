using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 15's acceptance journey in one browser test, axe on every page: Glenmore's commissioner builds and publishes
/// a tender with two lots and builds its questionnaire; Loch View (a micro-provider), following CPV 85312000 by a
/// saved search, gets the alert e-mail; two providers ask and both see the anonymised answer; Loch View submits the
/// short form with its passport answers already filled, and finds it under "My responses"; Bright Steps submits the
/// full form; before the deadline the commissioner and the administrator cannot read a response by page, CSV or API;
/// after it (the fake clock) one opening is not enough, and after a second colleague's the responses show.
/// </summary>
public sealed class TenderEndToEndTests(BrowserFixture fixture, ClassPortal portal) : TenderJourneyTest(fixture), IClassFixture<ClassPortal>
{
    // Its own portal: the test moves the clock past the deadline.
    protected override PortalFactory Portal => portal.Started();

    private Task<Guid> QuestionIdAsync(Guid opportunityId, string text) => Portal.WithDbAsync(db => db.Questionnaires.Where(q => q.OpportunityId == opportunityId)
        .SelectMany(q => q.Questions).Where(q => q.Text == text).Select(q => q.Id).SingleAsync());

    /// <summary>As the commissioner on the tendering workspace: adds one question.</summary>
    private async Task AddQuestionAsync(string text, bool passFail, string? provedBy, string? weight = null, string? wordLimit = null)
    {
        await Page.GetByLabel("Kind of question").SelectOptionAsync(passFail ? "PassFail" : "Scored");
        await Page.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
        if (wordLimit is not null) await Page.GetByLabel("Word limit (optional)").FillAsync(wordLimit);
        if (weight is not null) await Page.GetByLabel("Weight (%)").FillAsync(weight);
        if (provedBy is not null) await Page.GetByLabel("Answered by the passport (optional)").SelectOptionAsync(provedBy);
        await TickAsync("Also ask it on the short form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Question added.");
    }

    [Fact]
    public async Task A_tender_is_published_found_asked_about_answered_responded_to_sealed_and_opened_by_two_colleagues_after_the_deadline()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var title = $"Care at home {word}";
        var secret = $"We start with a visit at home {word}";
        await EnsureSecondCommissionerAsync();

        // A provider with no responses yet is told how to start one.
        var (newcomer, _) = await Portal.CreateProviderUserAsync(CommissioningPortal.Domain.Tenancy.ProviderKind.MicroProvider);
        await SignInAsync(newcomer, ProviderTestData.Password);
        await VisitAsync("/tenders/mine");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("You have not started a response yet.");

        // Loch View follows CPV 85312000 by a saved search.
        await SwitchToAsync(MicroProvider);
        await SaveCpvSearchAsync("85312000");

        // The commissioner builds a tender with two lots and publishes it.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/authority/glenmore/opportunities");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create an opportunity" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        var deadline = Portal.Clock.GetUtcNow().AddDays(30);
        await FillTenderAsync(title, deadline, estimatedValue: "180,000");
        var here = await SaveDraftAsync();
        await AddLotsAsync("Glenmore North", "Glenmore South");
        var id = await PreviewAndPublishAsync(here, "Glenmore North", "Glenmore South");

        // Loch View's alert e-mail.
        var alert = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == MicroProvider && m.Subject == $"New opportunity: {title}").Select(m => m.TextBody).SingleAsync());
        Assert.Contains($"/opportunities/{id}", alert);

        // Its questionnaire: a written question, two answered by a verified passport, a price for the North lot, a method statement, a short form below £250,000.
        await VisitAsync("/authority/glenmore/opportunities");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.GetByLabel("Section title").FillAsync("Working with each person");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Section added.");
        await AddQuestionAsync("How will you agree support with each person?", passFail: false, provedBy: null, weight: "50", wordLimit: "150");
        await AddQuestionAsync("Do you hold public liability insurance?", passFail: true, provedBy: "PublicLiability");
        await AddQuestionAsync("Are your workers PVG scheme members?", passFail: true, provedBy: "Pvg");
        await Page.GetByLabel("Lot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Glenmore North" });
        await Page.GetByLabel("What the price is for").FillAsync("Support during the day");
        await Page.GetByLabel("Priced").SelectOptionAsync("PerHour");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add price line" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Price line added.");
        await Page.GetByLabel("Document", new() { Exact = true }).FillAsync("Method statement");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Required document added.");
        await Page.GetByLabel("Offer the short form when the opportunity is worth less than (£)").FillAsync("250000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save short-form value" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Short-form value saved.");
        await CheckAccessibilityAsync();
        var written = await QuestionIdAsync(id, "How will you agree support with each person?");
        var insurance = await QuestionIdAsync(id, "Do you hold public liability insurance?");
        var pvg = await QuestionIdAsync(id, "Are your workers PVG scheme members?");
        var (price, document) = await Portal.WithDbAsync(async db =>
        {
            var q = await db.Questionnaires.Include(x => x.PriceLines).Include(x => x.Documents).SingleAsync(x => x.OpportunityId == id);
            return (q.PriceLines.Single().Id, q.Documents.Single().Id);
        });

        // Two providers ask; the commissioner answers one for everyone, reworded; both see it without the asker named.
        await SwitchToAsync(MicroProvider);
        await AskAsync(id, $"We are Loch View {word}: can we bid for the South lot only?");
        await SwitchToAsync(DemoUsers.Provider);
        await AskAsync(id, "Will TUPE apply?");
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/tendering");
        await Assertions.Expect(Page.Locator("main tbody tr", new() { HasText = title })).ToContainTextAsync("2 unanswered");
        await VisitAsync($"/tendering/{id}/clarifications");
        await AnswerForEveryoneAsync("Loch View Community Care", "Can a provider bid for one lot only?", "Yes: price only the lots you bid for.");
        foreach (var provider in new[] { MicroProvider, DemoUsers.Provider })
        {
            await SwitchToAsync(provider);
            await VisitAsync($"/opportunities/{id}");
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Can a provider bid for one lot only?");
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Yes: price only the lots you bid for.");
            await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Loch View");
        }

        // The micro-provider gets the short form, its passport's PVG and insurance already answered, and submits.
        await SwitchToAsync(MicroProvider);
        await VisitAsync($"/tenders/{id}/respond");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("You have the short form");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Answered from your verified passport: PVG scheme membership");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Answered from your verified passport: Public liability insurance");
        await Assertions.Expect(Page.Locator($"#Answers_{insurance}_")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator($"#Answers_{pvg}_")).ToHaveCountAsync(0);
        await Page.Locator($"#Answers_{written}_").FillAsync($"Small and local {word}");
        await Page.Locator($"#Prices_{price}_").FillAsync("21.40");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit response" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your response is submitted");
        await CheckAccessibilityAsync();
        await VisitAsync("/tenders/mine");
        var mine = Page.Locator("main tbody tr", new() { HasText = title });
        await Assertions.Expect(mine).ToContainTextAsync("Submitted");
        await Assertions.Expect(mine).ToContainTextAsync(new Regex("closes in (29|30|31) days"));

        // A second provider answers the full form with its method statement and submits.
        await SwitchToAsync(DemoUsers.Provider);
        await VisitAsync($"/tenders/{id}/respond");
        await Page.Locator($"#Answers_{written}_").FillAsync(secret);
        await Page.Locator($"label[for='Answers_{pvg}_']").ClickAsync(); // no PVG item on Bright Steps's passport, so it is asked
        await Page.Locator($"#Prices_{price}_").FillAsync("24.10");
        await Page.Locator($"#Document-{document}").SetInputFilesAsync(new FilePayload { Name = "method.pdf", MimeType = "application/pdf", Buffer = ProviderTestData.MinimalPdf("Method") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Attached: method.pdf");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit response" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your response is submitted");
        var brightSteps = await Portal.WithDbAsync(db => db.TenderResponses.Join(db.Providers, r => r.ProviderId, p => p.Id, (r, p) => new { r, p })
            .Where(x => x.r.OpportunityId == id && x.p.Name == "Bright Steps Care").Select(x => x.r.Id).SingleAsync());
        Assert.Equal(2, await Portal.WithDbAsync(db => db.TenderResponses.CountAsync(r => r.OpportunityId == id && r.Status == ResponseStatus.Submitted)));

        // Before the deadline: neither the commissioner nor the administrator can read a response by page, CSV or API.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/tendering/{id}/responses");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The responses are sealed");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Open the responses" })).ToHaveCountAsync(0);
        await AssertCannotReadAsync(id, secret, brightSteps);
        await SwitchToAsync(DemoUsers.Administrator);
        await AssertCannotReadAsync(id, secret, brightSteps);

        // After the deadline: one opening is not enough; a second colleague's opens them.
        Portal.Clock.SetUtcNow(deadline.AddDays(1));
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await OpenFirstAsync(id);
        await AssertCannotReadAsync(id, secret, brightSteps);
        await SwitchToAsync(SecondCommissioner);
        await OpenSecondAsync(id);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Loch View Community Care");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bright Steps Care" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(secret);
        await CheckAccessibilityAsync();
        var csv = await Context.APIRequest.GetAsync($"/tendering/{id}/responses?handler=csv");
        Assert.Contains(secret, await csv.TextAsync());
        Assert.Contains($"Small and local {word}", await csv.TextAsync());
    }
}
