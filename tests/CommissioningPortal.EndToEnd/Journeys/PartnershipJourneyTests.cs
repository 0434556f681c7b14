using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 19 in the browser, axe on every page and error state: Glenmore's commissioner forms a Public Social
/// Partnership and invites a provider and a lived-experience member by e-mail; they join; the provider agrees
/// the partnership; the lived-experience member records the co-designed plan and passes the co-design gate with
/// reasons; three pilot measures are recorded over three months (each chart with its table); the pilot gate
/// passes with its evidence; the commissioner drafts the stage-3 procurement opportunity with the evidence linked.
/// </summary>
public sealed class PartnershipJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly (string Name, string Unit, string[] Values)[] Measures =
    [
        ("People who feel less isolated", "people", ["12", "17", "23"]),
        ("Unplanned hospital admissions", "admissions", ["9", "7", "4"]),
        ("Carers who get a regular break", "%", ["40", "55", "61"]),
    ];

    private async Task ClickAsync(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    private async Task JoinAsync(Guid partnership, string email)
    {
        var token = await Portal.WithDbAsync(db => db.PartnershipMembers.Where(m => m.PartnershipId == partnership && m.Email == email).Select(m => m.InvitationToken).SingleAsync());
        var mail = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email && m.Kind == "partnership-invitation").Select(m => m.TextBody).ToListAsync());
        var link = mail.SelectMany(b => b.Split('\n')).Select(l => l.Trim()).Single(l => l.EndsWith($"/partnerships/join/{token}", StringComparison.Ordinal));
        await SwitchToAsync(email);
        await VisitAsync(new Uri(link).AbsolutePath);
        await ClickAsync("Join the partnership");
        await Assertions.Expect(Page.Locator(".portal-status")).ToContainTextAsync("You are a member");
        await CheckAccessibilityAsync();
    }

    private async Task DecideAsync(string trigger, string reasons)
    {
        await Page.Locator($"label[for='Trigger-{trigger}']").ClickAsync();
        await Page.Locator("#Reasons").FillAsync(reasons);
        await ClickAsync("Record the decision");
        await Assertions.Expect(Page.Locator("#gate-decisions")).ToContainTextAsync(reasons);
        await CheckAccessibilityAsync();
    }

    private async Task RecordEvidenceAsync(string item, string title)
    {
        await Page.Locator("#Item").SelectOptionAsync(item);
        await Page.Locator("#Title").FillAsync(title);
        await ClickAsync("Record the evidence");
        await Assertions.Expect(Page.Locator("#gate-evidence")).ToContainTextAsync(title);
        await CheckAccessibilityAsync();
    }

    [Fact]
    public async Task A_PSP_is_formed_with_a_provider_and_a_lived_experience_member_and_its_pilot_evidence_feeds_the_procurement()
    {
        var name = "Older people at home " + Guid.NewGuid().ToString("N")[..6];
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/partnerships");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Form a partnership" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();

        // Nothing chosen: the page names the fields and keeps what was typed.
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await ClickAsync("Form the partnership");
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Public Social Partnership or an alliance");
        await Assertions.Expect(Page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await CheckAccessibilityAsync();
        await Page.Locator("label[for='Kind-psp']").ClickAsync();
        await Page.GetByLabel("What it is for").FillAsync("Support at home that older people design with us, so fewer go into hospital.");
        await ClickAsync("Form the partnership");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(Page.Locator("#stage-bar [aria-current=step]")).ToContainTextAsync("Partnership forming");
        await CheckAccessibilityAsync();
        var id = Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[^1]);

        foreach (var (who, email, role) in new[] { ("Bright Steps Care", DemoUsers.Provider, "Provider"), ("Morag, lived experience", DemoUsers.Panel, "LivedExperience") })
        {
            await Page.Locator("#Name").FillAsync(who);
            await Page.Locator("#Email").FillAsync(email);
            await Page.Locator("#Role").SelectOptionAsync(role);
            await ClickAsync("Send the invitation");
            await Assertions.Expect(Page.Locator("#member-list")).ToContainTextAsync(who);
            await CheckAccessibilityAsync();
        }

        // The provider joins and agrees the partnership: a partner, not the commissioner, takes the step.
        await JoinAsync(id, DemoUsers.Provider);
        await DecideAsync("agree-partnership", "We share the objectives and the people's voice is in it");
        await Assertions.Expect(Page.Locator("#stage-bar [aria-current=step]")).ToContainTextAsync("co-design");

        // The lived-experience member joins, records the co-designed plan and passes the gate with reasons.
        await JoinAsync(id, DemoUsers.Panel);
        await Assertions.Expect(Page.Locator("#blocked-steps")).ToContainTextAsync("co-designed service plan");
        await RecordEvidenceAsync("co-design-plan", "Service plan v3, written with the people who will use it");
        await DecideAsync("pass-stage-1-gate", "The plan is what people asked for");
        await Assertions.Expect(Page.Locator("#stage-bar [aria-current=step]")).ToContainTextAsync("pilot");
        await VisitAsync($"/partnerships/{id}/decisions");
        await Assertions.Expect(Page.Locator("#steps-decided")).ToContainTextAsync("The plan is what people asked for");
        await VisitAsync($"/partnerships/{id}/record");
        await VisitAsync($"/partnerships/{id}/documents");

        // Three pilot measures over three months.
        await VisitAsync($"/partnerships/{id}/pilot");
        foreach (var (measure, unit, _) in Measures)
        {
            await Page.Locator("#MeasureName").FillAsync(measure);
            await Page.Locator("#Unit").FillAsync(unit);
            await ClickAsync("Add the measure");
        }
        var months = new[] { "2026-09", "2026-10", "2026-11" };
        foreach (var (measure, _, values) in Measures)
        {
            for (var m = 0; m < months.Length; m++)
            {
                await Page.Locator("#MeasureId").SelectOptionAsync(new SelectOptionValue { Label = measure });
                await Page.Locator("#Period").FillAsync(months[m]);
                await Page.Locator("#Value").FillAsync(values[m]);
                await ClickAsync("Record the value");
            }
        }
        await CheckAccessibilityAsync();
        Assert.Equal(3, await Page.Locator("svg.measure-chart").CountAsync());
        foreach (var (measure, _, values) in Measures)
        {
            var section = Page.Locator("section", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = measure, Exact = false }) });
            await Assertions.Expect(section.GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
            var table = section.Locator("table");
            foreach (var v in values) await Assertions.Expect(table).ToContainTextAsync(v);
        }

        // The pilot's gate, with its evidence; then the commissioner drafts the procurement with it.
        await VisitAsync($"/partnerships/{id}");
        await RecordEvidenceAsync("pilot-evaluation", "Pilot evaluation, November 2026");
        await RecordEvidenceAsync("outcomes-report", "Outcomes for the 23 people supported");
        await DecideAsync("pass-stage-2-gate", "The evidence shows it works for people");
        await SwitchToAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync($"/partnerships/{id}/pilot");
        await ClickAsync("Draft the procurement opportunity");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Pilot evidence pack");
        var opportunity = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.ProcurementOpportunityId).SingleAsync());
        Assert.NotNull(opportunity);
        Assert.Contains(opportunity.ToString()!, Page.Url);
        await VisitAsync($"/partnerships/{id}/pilot");
        await Assertions.Expect(Page.Locator("#procurement-link a")).ToHaveAttributeAsync("href", $"/authority/glenmore/opportunities/{opportunity}");
    }

    [Fact]
    public async Task The_demo_alliance_shows_its_decision_awaiting_agreement_and_its_shared_budget_axe_clean()
    {
        await SignInAsync(DemoUsers.Provider);
        await VisitAsync("/partnerships");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Glenmore Alliance for Recovery" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Decisions", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        var card = Page.Locator("[id^=decision-]").First;
        await Assertions.Expect(card).ToContainTextAsync("waiting for Bright Steps Care");
        // An objection without its reason: refused, said why, axe clean in the error state.
        await card.GetByRole(AriaRole.Button, new() { Name = "Object", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToContainTextAsync("Give the reason for your objection");
        await CheckAccessibilityAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Shared budget", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Page.Locator("#Year").FillAsync("2026/27");
        await Page.Locator("#Budget").FillAsync("900000");
        await Page.Locator("#Rule").FillAsync("Shared equally among the three members.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the budget" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await Assertions.Expect(Page.Locator(".ds_error-summary")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
    }
}
