using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 15, end to end in the browser, axe on every page: two providers ask questions and both see the answer for
/// everyone, without the asker's name; a micro-provider submits the short form with its passport answers already
/// filled; a second provider submits the full form with a document; before the deadline the commissioner and the
/// administrator try to read a response (page, CSV, API) and cannot; after the deadline (the fake clock) one
/// opening is not enough; after a second colleague's, the responses show.
/// </summary>
public sealed class TenderResponseTests(BrowserFixture fixture, ClassPortal portal) : TenderJourneyTest(fixture), IClassFixture<ClassPortal>
{
    // Its own portal: the test moves the clock past the deadline.
    protected override PortalFactory Portal => portal.Started();

    private sealed record Tender(Guid Id, Guid Written, Guid RealLivingWage, Guid Insurance, Guid Pvg, Guid North, Guid Document);

    private async Task<Tender> SeedAsync(string word)
    {
        await EnsureSecondCommissionerAsync();
        return await Portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore");
            var now = Portal.Clock.GetUtcNow();
            var tender = Opportunity.CreateDraft(glenmore.Id, new OpportunityDetails
            {
                Kind = OpportunityKind.OpenTender, Title = $"Community support {word}", Summary = "Flexible community support in South Glenmore.",
                CpvCodes = ["85312000"], EstimatedValuePence = 180_000_00, SubmissionDeadline = now.AddDays(3), ClarificationDeadline = now.AddDays(2),
                QualityWeight = 70, PriceWeight = 20, FairWorkWeight = 10,
            }, now, "Fiona MacLeod");
            var north = tender.AddLot("North", null, null);
            tender.AddLot("South", null, null);
            tender.Publish(now, "Fiona MacLeod");
            db.Opportunities.Add(tender);
            var q = Questionnaire.For(tender.Id, glenmore.Id);
            q.SetShortFormThreshold(250_000_00);
            var section = q.AddSection("Working with each person");
            var written = q.AddQuestion(section.Id, QuestionKind.Scored, "How will you agree support with each person?", "An example helps.", 150, 50, 4, null, true);
            var rlw = q.AddQuestion(section.Id, QuestionKind.PassFail, "Do you pay at least the Real Living Wage?", null, null, 0, 0, null, false);
            var insurance = q.AddQuestion(section.Id, QuestionKind.PassFail, "Do you hold public liability insurance?", null, null, 0, 0, PassportItemKind.PublicLiability, true);
            var pvg = q.AddQuestion(section.Id, QuestionKind.PassFail, "Are your workers PVG scheme members?", null, null, 0, 0, PassportItemKind.Pvg, true);
            var price = q.AddPriceLine(north.Id, "Support during the day", PriceUnit.PerHour);
            var document = q.AddDocument("Method statement", "How you will start the service.", false);
            db.Questionnaires.Add(q);
            await db.SaveChangesAsync();
            return new Tender(tender.Id, written.Id, rlw.Id, insurance.Id, pvg.Id, price.Id, document.Id);
        });
    }

    [Fact]
    public async Task Providers_ask_and_respond_and_the_responses_stay_sealed_until_two_colleagues_open_them_after_the_deadline()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await SeedAsync(word);
        var secret = $"We meet each person at home first {word}";

        // Two providers ask privately.
        await SignInAsync("micro@lochview.example");
        await AskAsync(tender.Id, $"We are Loch View {word}: can we bid for the South lot only?");
        await SwitchToAsync(DemoUsers.Provider);
        await AskAsync(tender.Id, "Will TUPE apply?");

        // The commissioner sees them, with who asked, and answers one for everyone, reworded.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/tendering");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Community support {word}", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("2 unanswered");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Questions and answers" }).ClickAsync();
        await CheckAccessibilityAsync();
        await AnswerForEveryoneAsync("Loch View Community Care", "Can a provider bid for one lot only?", "Yes: price only the lots you bid for.");

        // Both providers see the answer; nobody sees who asked.
        foreach (var provider in new[] { "micro@lochview.example", DemoUsers.Provider })
        {
            await SwitchToAsync(provider);
            await VisitAsync($"/opportunities/{tender.Id}");
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Can a provider bid for one lot only?");
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Yes: price only the lots you bid for.");
            await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Loch View");
        }

        // The micro-provider (on its passport: PVG and insurance, verified) gets the short form with those answered.
        await SwitchToAsync("micro@lochview.example");
        await VisitAsync($"/tenders/{tender.Id}/respond");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("You have the short form");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Answered from your verified passport: PVG scheme membership");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Answered from your verified passport: Public liability insurance");
        await Assertions.Expect(Page.Locator($"#Answers_{tender.Insurance}_")).ToHaveCountAsync(0);
        await Page.Locator($"#Answers_{tender.Written}_").FillAsync($"Small and local {word}");
        await Page.Locator($"#Prices_{tender.North}_").FillAsync("21.40");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit response" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your response is submitted");
        await CheckAccessibilityAsync();

        // A second provider answers the full form, attaches its method statement and submits.
        await SwitchToAsync(DemoUsers.Provider);
        await VisitAsync($"/tenders/{tender.Id}/respond");
        await Page.Locator($"#Answers_{tender.Written}_").FillAsync(secret);
        await Page.Locator($"label[for='Answers_{tender.RealLivingWage}_']").ClickAsync();
        // Bright Steps's passport proves its insurance but holds no PVG item, so that question is asked.
        await Assertions.Expect(Page.Locator($"#Answers_{tender.Insurance}_")).ToHaveCountAsync(0);
        await Page.Locator($"label[for='Answers_{tender.Pvg}_']").ClickAsync();
        await Page.Locator($"#Prices_{tender.North}_").FillAsync("24.10");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await VisitAsync($"/tenders/{tender.Id}/consortium"); // responding together is offered (axe); Bright Steps responds alone
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("You have not invited anyone");
        await VisitAsync($"/tenders/{tender.Id}/respond");
        await Page.Locator($"#Document-{tender.Document}").SetInputFilesAsync(new FilePayload { Name = "method.pdf", MimeType = "application/pdf", Buffer = ProviderTestData.MinimalPdf("Method") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your draft is saved");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Attached: method.pdf");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit response" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your response is submitted");
        var brightSteps = await Portal.WithDbAsync(db => db.TenderResponses.Join(db.Providers, r => r.ProviderId, p => p.Id, (r, p) => new { r, p })
            .Where(x => x.r.OpportunityId == tender.Id && x.p.Name == "Bright Steps Care").Select(x => x.r.Id).SingleAsync());

        // Before the deadline: the commissioner and the administrator cannot read a response (page, CSV, API).
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/tendering/{tender.Id}/responses");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The responses are sealed");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Open the responses" })).ToHaveCountAsync(0);
        await AssertCannotReadAsync(tender.Id, secret, brightSteps);
        await SwitchToAsync(DemoUsers.Administrator);
        await AssertCannotReadAsync(tender.Id, secret, brightSteps);

        // After the deadline: one opening is not enough.
        Portal.Clock.Advance(TimeSpan.FromDays(4));
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await OpenFirstAsync(tender.Id);
        await AssertCannotReadAsync(tender.Id, secret, brightSteps);

        // After a second colleague's opening, the responses show.
        await SwitchToAsync(SecondCommissioner);
        await OpenSecondAsync(tender.Id);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Loch View Community Care");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bright Steps Care" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(secret);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("method.pdf");
        await CheckAccessibilityAsync();
        var csv = await Context.APIRequest.GetAsync($"/tendering/{tender.Id}/responses?handler=csv");
        Assert.Contains(secret, await csv.TextAsync());
        Assert.Contains("Answered from your verified passport", await csv.TextAsync());
    }
}
