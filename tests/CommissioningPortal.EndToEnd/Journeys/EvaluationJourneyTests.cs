using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 16's first acceptance line in one browser test, axe on every page, continuing the opportunities journey: a tender
/// published and opened by two colleagues; a panel of two commissioners and the lived-experience member (whose pages never
/// show a price); declarations, scores, moderation to consensus; a price under the sustainable floor flagged; the award; the
/// standstill passing on the fake clock; both bidders' feedback letters sent; the OCDS record showing tender, award and contract.
/// </summary>
public sealed class EvaluationJourneyTests(BrowserFixture fixture, ClassPortal portal) : TenderJourneyTest(fixture), IClassFixture<ClassPortal>
{
    // Its own portal: the test moves the clock past the deadline and the standstill.
    protected override PortalFactory Portal => portal.Started();

    /// <summary>The questionnaire (one written question scored 0 to 4, a pass/fail question, an hourly price) and two submitted bids, straight in the database.</summary>
    private async Task<(Guid Written, Guid BrightSteps, Guid LochView)> QuestionnaireAndBidsAsync(Guid id, string word)
    {
        return await Portal.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.SingleAsync(x => x.Id == id);
            var q = Questionnaire.For(id, o.AuthorityId);
            var section = q.AddSection("Working with each person");
            var written = q.AddQuestion(section.Id, QuestionKind.Scored, "How will you agree support with each person?", null, 150, 100, 4, null, true);
            var gate = q.AddQuestion(section.Id, QuestionKind.PassFail, "Do you pay at least the Real Living Wage?", null, null, 0, 0, null, true);
            var line = q.AddPriceLine(null, "Support during the day", PriceUnit.PerHour);
            db.Questionnaires.Add(q);
            var now = Portal.Clock.GetUtcNow();
            var ids = new List<Guid>();
            foreach (var (provider, text, pence) in new[] { ("Bright Steps Care", $"We plan with each person and family {word}", 2410L), ("Loch View Community Care", $"Small and local {word}", 1540L) })
            {
                var providerId = await db.Providers.Where(p => p.Name == provider).Select(p => p.Id).SingleAsync();
                var response = TenderResponse.Start(id, providerId, false, now, o.SubmissionDeadline);
                db.TenderResponses.Add(response);
                var answers = new[] { new TenderAnswer(response, written.Id, text), new TenderAnswer(response, gate.Id, "yes") };
                var prices = new[] { new TenderPrice(response, line.Id, pence) };
                db.TenderAnswers.AddRange(answers);
                db.TenderPrices.AddRange(prices);
                response.Submit(now, o.SubmissionDeadline, false, ResponseReceipt.Hash(response, now, answers, prices, []));
                ids.Add(response.Id);
            }
            await db.SaveChangesAsync();
            return (written.Id, ids[0], ids[1]);
        });
    }

    private async Task DeclareAsync(Guid id, string? conflictWith = null)
    {
        await VisitAsync($"/evaluation/{id}");
        if (conflictWith is not null)
        {
            await TickAsync(conflictWith);
            await Page.GetByLabel("What the conflict is (only if you ticked a bidder)").FillAsync("I used to work there.");
        }
        await TickAsync("My declaration is complete and true");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record my declaration" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Thank you.");
        await CheckAccessibilityAsync();
    }

    private async Task ScoreAsync(Guid id, string bidder, Guid written, int score, string comment)
    {
        await VisitAsync($"/evaluation/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = bidder, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.Locator($"label[for='Scores_{written}_{(score == 0 ? "" : score.ToString(System.Globalization.CultureInfo.InvariantCulture))}']").ClickAsync();
        await Page.GetByLabel("Why you gave this score").FillAsync(comment);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Your scores are saved");
        await CheckAccessibilityAsync();
    }

    [Fact]
    public async Task A_panel_with_a_lived_experience_member_scores_moderates_and_awards_and_both_bidders_get_their_letters()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var title = $"Evaluated care {word}";
        await EnsureSecondCommissionerAsync();

        // Published through the pages, as in the opportunities journey; the questionnaire and two bids, then the deadline passes.
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/authority/glenmore/opportunities/new");
        var deadline = Portal.Clock.GetUtcNow().AddDays(30);
        await FillTenderAsync(title, deadline, qualityWeight: "70", estimatedValue: "180,000");
        await Page.GetByLabel("Price weight (%)").FillAsync("20");
        await Page.GetByLabel("Fair work weight (%)").FillAsync("10");
        var id = await PreviewAndPublishAsync(await SaveDraftAsync());
        var (written, brightSteps, lochView) = await QuestionnaireAndBidsAsync(id, word);
        Portal.Clock.SetUtcNow(deadline.AddDays(1));
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await OpenFirstAsync(id);
        await SwitchToAsync(SecondCommissioner);
        await OpenSecondAsync(id);

        // The sustainable floor: £12.60 + 38% = £17.39 an hour.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/tendering/price-floors");
        await Page.GetByLabel("Takes effect from").FillAsync("2020-04-01");
        await Page.GetByLabel("Real Living Wage per hour (£)").FillAsync("12.60");
        await Page.GetByLabel("On-costs (%)").FillAsync("38");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set the floor" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("the floor is £17.39 per hour");
        await CheckAccessibilityAsync();

        // The panel, from the tender's workspace: both commissioners and the lived-experience member, who scores the written question.
        await VisitAsync($"/tendering/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Evaluation panel" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        foreach (var email in new[] { DemoUsers.GlenmoreCommissioner, SecondCommissioner, DemoUsers.Panel })
        {
            await Page.GetByLabel("Add a member by e-mail address").FillAsync(email);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("is on the panel");
        }
        await TickAsync("Question 1: How will you agree support with each person?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save Isla Grant (Panel member)'s questions" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("scores 1 question");
        await CheckAccessibilityAsync();

        // Declarations and independent scores. The second commissioner knows Loch View: its response is not theirs to open, by page or address.
        await DeclareAsync(id);
        await ScoreAsync(id, "Bright Steps Care", written, 4, $"Clear and personal {word}");
        await ScoreAsync(id, "Loch View Community Care", written, 1, $"Thin on detail {word}");
        await SwitchToAsync(SecondCommissioner);
        await DeclareAsync(id, conflictWith: "Loch View Community Care");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Loch View Community Care" })).ToHaveCountAsync(0);
        await VisitAsync($"/evaluation/{id}/responses/{lochView}", 404);
        await ScoreAsync(id, "Bright Steps Care", written, 3, $"Good {word}");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync($"Clear and personal {word}");

        // The lived-experience member: the panel home, the guide, the answers; never a price.
        await SwitchToAsync(DemoUsers.Panel);
        await VisitAsync("/panel");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await DeclareAsync(id);
        await ScoreAsync(id, "Bright Steps Care", written, 3, $"I would feel listened to {word}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("70:30 in favour of quality");
        await ScoreAsync(id, "Loch View Community Care", written, 3, $"Local people I know {word}");
        foreach (var path in new[] { "/panel", $"/evaluation/{id}", $"/evaluation/{id}/responses/{brightSteps}", $"/evaluation/{id}/responses/{lochView}" })
        {
            await VisitAsync(path);
            var text = await Page.Locator("body").InnerTextAsync();
            Assert.DoesNotContain("£", text);
            Assert.DoesNotContain("24.10", text);
            Assert.DoesNotContain("15.40", text);
        }

        // Moderation: side by side, the large spread on Loch View (1 against 3 is not large; 4 against 3 is not either), consensus for each answer.
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/tendering/{id}/evaluation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close scoring and start moderation" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Scoring is closed");
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"I would feel listened to {word}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"Good {word}");
        foreach (var (bidder, score) in new[] { ("Bright Steps Care", "4"), ("Loch View Community Care", "2") })
        {
            var section = Page.Locator("section", new() { HasText = bidder });
            await section.GetByLabel("Consensus score").SelectOptionAsync(score);
            await section.GetByLabel("Reason").FillAsync($"Agreed after discussion: {bidder}");
            await section.GetByRole(AriaRole.Button, new() { Name = "Record consensus" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Consensus score recorded.");
            await CheckAccessibilityAsync();
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Finish moderation" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Moderation is finished");
        await CheckAccessibilityAsync();

        // Results: Loch View's £15.40 an hour is flagged under the floor; Bright Steps ranks first. The award, with reasons.
        var loch = Page.Locator("tbody tr", new() { HasText = "Loch View Community Care" });
        await Assertions.Expect(loch).ToContainTextAsync("Below the sustainable floor");
        await Assertions.Expect(Page.Locator("tbody tr", new() { HasText = "Bright Steps Care" })).ToContainTextAsync("1");
        await Page.Locator("label[for='WinnerResponseId']").ClickAsync();
        await Page.GetByLabel("Reasons for the decision").FillAsync($"The highest score, at a sustainable price {word}.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Decide the award and start the standstill" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("Award decided");
        await CheckAccessibilityAsync();

        // Both letters: opened, the unsuccessful one edited, both sent.
        foreach (var (bidder, edit) in new[] { ("Loch View Community Care", true), ("Bright Steps Care", false) })
        {
            await Page.GetByRole(AriaRole.Link, new() { Name = bidder, Exact = true }).ClickAsync();
            await Page.WaitForLoadStateAsync();
            await CheckAccessibilityAsync();
            if (edit)
            {
                var letter = Page.GetByLabel("The letter");
                await letter.FillAsync(await letter.InputValueAsync() + $"\n\nWe would welcome a conversation about pricing {word}.");
                await Page.GetByRole(AriaRole.Button, new() { Name = "Save the letter" }).ClickAsync();
                await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync("The letter is saved");
                await CheckAccessibilityAsync();
            }
            await Page.GetByRole(AriaRole.Button, new() { Name = $"Send the letter to {bidder}" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".ds_notification--success")).ToContainTextAsync($"The letter to {bidder} is sent");
            await CheckAccessibilityAsync();
        }

        // The standstill passes on the fake clock: the process timer ends it and the contract is recorded.
        Portal.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        await new WorkflowTimerDispatcher(Portal.Services.GetRequiredService<IServiceScopeFactory>(), Portal.Clock, NullLogger<WorkflowTimerDispatcher>.Instance).FireDueAsync(CancellationToken.None);
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/tendering/{id}/results");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Recorded with Bright Steps Care");

        // Each bidder reads its own letter.
        foreach (var (email, text) in new[] { (MicroProvider, $"We would welcome a conversation about pricing {word}."), (DemoUsers.Provider, "We intend to award the contract to you.") })
        {
            await SwitchToAsync(email);
            await VisitAsync($"/tenders/{id}/feedback");
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(text);
            var pdf = await Context.APIRequest.GetAsync($"/tenders/{id}/feedback?handler=pdf");
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        }

        // The open data: tender, award and contract.
        var record = System.Text.Json.Nodes.JsonNode.Parse(await (await Context.APIRequest.GetAsync($"/api/ocds/records/ocds-scsds1-{id}")).TextAsync())!["records"]![0]!;
        var tags = record["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()).ToList();
        Assert.Contains("tender", tags);
        Assert.Contains("award", tags);
        Assert.Contains("contract", tags);
        Assert.Equal("Bright Steps Care", record["compiledRelease"]!["awards"]![0]!["suppliers"]![0]!["name"]!.GetValue<string>());
    }
}
