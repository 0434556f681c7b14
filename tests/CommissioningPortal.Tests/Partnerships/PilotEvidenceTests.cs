using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Partnerships;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CommissioningPortal.Tests.Partnerships.PartnershipSteps;

namespace CommissioningPortal.Tests.Partnerships;

/// <summary>
/// A PSP's pilot (stage 2): measures over time drawn as charts each with its table, unit costs, feedback; the
/// report PDF holds every measure's chart and table; stage 3's procurement opportunity is drafted with the evidence.
/// </summary>
public abstract class PilotEvidenceTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly (string Name, string Unit, int[] Values)[] Measures =
    [
        ("People who feel less isolated", "people", [12, 17, 23]),
        ("Unplanned hospital admissions", "admissions", [9, 7, 4]),
        ("Carers who get a regular break", "%", [40, 55, 61]),
    ];

    private static readonly string[] Months = ["2026-09", "2026-10", "2026-11"];

    [Fact]
    public async Task Pilot_measures_are_charted_with_their_tables_in_the_page_and_the_report_and_the_procurement_opportunity_carries_the_evidence()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        using var provider = await SignedInAsync(Portal, DemoUsers.Provider);
        var name = $"Pilot PSP {Guid.NewGuid():N}"[..18];
        var id = await FormAsync(commissioner, "PublicSocialPartnership", name);
        await InviteAndJoinAsync(Portal, commissioner, provider, id, "Bright Steps Care", DemoUsers.Provider, "Provider");
        Task<HttpResponseMessage> Step(PortalClient c, string trigger) => PostAsync(c, $"/partnerships/{id}", $"/partnerships/{id}/step", new Dictionary<string, string> { ["Trigger"] = trigger, ["Reasons"] = $"Agreed: {trigger}" });
        Task<HttpResponseMessage> Evidence(string item, string title) => PostAsync(provider, $"/partnerships/{id}", $"/partnerships/{id}/evidence", new Dictionary<string, string> { ["Item"] = item, ["Title"] = title });
        Task<HttpResponseMessage> Pilot(string handler, Dictionary<string, string> fields) => PostAsync(provider, $"/partnerships/{id}/pilot", $"/partnerships/{id}/pilot/{handler}", fields);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(provider, "agree-partnership")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Evidence("co-design-plan", "The co-designed plan")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(provider, "pass-stage-1-gate")).StatusCode);

        foreach (var (measure, unit, _) in Measures)
            Assert.Equal(HttpStatusCode.Redirect, (await Pilot("measure", new() { ["MeasureName"] = measure, ["Unit"] = unit })).StatusCode);
        var ids = await Portal.WithDbAsync(db => db.PilotMeasures.Where(m => m.PartnershipId == id).ToDictionaryAsync(m => m.Name, m => m.Id, Ct));
        // A wrong value is refused, says why, and saves nothing.
        var bad = await Pilot("value", new() { ["MeasureId"] = ids[Measures[0].Name].ToString(), ["Period"] = "2026-09", ["Value"] = "lots" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Enter the value as a number", (await PortalClient.Page.ReadAsync(bad)).Document.QuerySelector(".ds_error-summary")!.TextContent);
        foreach (var (measure, _, values) in Measures)
        {
            for (var i = 0; i < values.Length; i++)
                Assert.Equal(HttpStatusCode.Redirect, (await Pilot("value", new() { ["MeasureId"] = ids[measure].ToString(), ["Period"] = Months[i], ["Value"] = (i == 0 ? 999 : values[i]).ToString() })).StatusCode);
            // The first month again: it replaces the value, it does not add a fourth.
            Assert.Equal(HttpStatusCode.Redirect, (await Pilot("value", new() { ["MeasureId"] = ids[measure].ToString(), ["Period"] = Months[0], ["Value"] = values[0].ToString() })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Pilot("cost", new() { ["CostDescription"] = "Community connector support", ["Amount"] = "245.50", ["Per"] = "person per week" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pilot("feedback", new() { ["From"] = "A person using the service", ["Feedback"] = "I see people every week now." })).StatusCode);

        var page = await provider.GetPageAsync($"/partnerships/{id}/pilot");
        var charts = page.Document.QuerySelectorAll("svg.measure-chart");
        var tables = page.Document.QuerySelectorAll("table.measure-table");
        Assert.Equal(3, charts.Length);
        Assert.Equal(3, tables.Length);
        foreach (var (measure, unit, values) in Measures)
        {
            var i = Enumerable.Range(0, charts.Length).Single(c => charts[c].QuerySelector("title")!.TextContent.Contains(measure, StringComparison.Ordinal));
            Assert.Equal("img", charts[i].GetAttribute("role"));
            // The table is beside its chart, in the same row, and holds every value.
            Assert.Same(charts[i].ParentElement, tables[i].ParentElement);
            Assert.Contains(measure, tables[i].QuerySelector("caption")!.TextContent);
            var rows = tables[i].QuerySelectorAll("tbody tr");
            Assert.Equal(3, rows.Length);
            for (var m = 0; m < 3; m++)
            {
                Assert.Equal(MeasureChart.Period(DateOnly.ParseExact(Months[m] + "-01", "yyyy-MM-dd")), rows[m].QuerySelector("th")!.TextContent);
                Assert.Equal(values[m].ToString(), rows[m].QuerySelectorAll("td")[0].TextContent);
            }
            Assert.Equal(3, charts[i].QuerySelectorAll("circle").Length);
            Assert.Contains(unit, tables[i].QuerySelector("thead")!.TextContent);
        }

        // The report: each measure's chart (its title) and its data table with every value.
        var pdf = await (await provider.GetAsync($"/partnerships/{id}/report.pdf")).Content.ReadAsByteArrayAsync(Ct);
        var text = string.Join(" ", PdfFiles.Pages(pdf));
        foreach (var (measure, unit, values) in Measures)
        {
            Assert.Contains($"{measure} ({unit})", text);
            foreach (var month in Months) Assert.Contains(MeasureChart.Period(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd")), text);
            foreach (var v in values) Assert.Contains(v.ToString(), text);
        }
        Assert.Contains("£245.50", text);
        Assert.Contains("I see people every week now.", text);
        // Tagged: one Figure with alternative text per measure, each followed by its data table.
        var structure = CommissioningPortal.Tests.Unit.Documents.PdfStructure.Read(pdf);
        var all = structure.Root!.Descendants().ToList();
        Assert.Equal(3, all.Count(e => e.Type == "Figure"));
        Assert.All(all.Where(e => e.Type == "Figure"), f => Assert.False(string.IsNullOrWhiteSpace(f.Alt)));
        var captions = all.Where(e => e.Type == "Table").Select(t => t.Children.FirstOrDefault(c => c.Type == "Caption")?.Text(structure.McidText) ?? "").Select(c => c.Replace(" ", "", StringComparison.Ordinal)).ToList();
        foreach (var (measure, unit, _) in Measures)
            Assert.Contains(captions, c => c.Contains($"{measure}({unit})".Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));

        // Stage 3: the pilot's gate needs its evidence; then the commissioner drafts the procurement with it.
        Assert.Equal(HttpStatusCode.Redirect, (await Evidence("pilot-evaluation", "Pilot evaluation, November 2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Evidence("outcomes-report", "Outcomes for the 23 people supported")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(provider, "pass-stage-2-gate")).StatusCode);
        var drafted = await PostAsync(commissioner, $"/partnerships/{id}/pilot", $"/partnerships/{id}/pilot/procurement", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var opportunityId = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.ProcurementOpportunityId).SingleAsync(Ct));
        Assert.NotNull(opportunityId);
        Assert.EndsWith($"/opportunities/{opportunityId}", drafted.Headers.Location!.OriginalString);
        var opportunity = await Portal.WithDbAsync(db => db.Opportunities.Include(o => o.Documents).SingleAsync(o => o.Id == opportunityId, Ct));
        foreach (var (measure, _, _) in Measures) Assert.Contains(measure, opportunity.Description);
        Assert.Contains("£245.50 per person per week", opportunity.Description);
        Assert.Contains(opportunity.Documents, d => d.Title.StartsWith("Pilot evidence pack", StringComparison.Ordinal) && d.ContentType == "application/pdf");
        Assert.NotNull((await provider.GetPageAsync($"/partnerships/{id}/pilot")).Document.QuerySelector("#procurement-link"));

        // Once the commissioner sets its deadline and publishes it, its OCDS planning section says where it came from.
        var partnershipName = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(Ct));
        await Portal.WithDbAsync(async db =>
        {
            var draft = await db.Opportunities.SingleAsync(o => o.Id == opportunityId, Ct);
            draft.EditDraft(draft.Details() with { SubmissionDeadline = Portal.Clock.GetUtcNow().AddDays(30) });
            draft.Publish(Portal.Clock.GetUtcNow(), "test");
            await db.SaveChangesAsync(Ct);
        });
        var prefix = Portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CommissioningPortal.Web.Features.Opportunities.OcdsOptions>>().Value.OcidPrefix;
        using var record = System.Text.Json.JsonDocument.Parse(await NewClient().Http.GetStringAsync($"/api/ocds/records/{prefix}-{opportunityId}", Ct));
        var rationale = record.RootElement.GetProperty("records")[0].GetProperty("compiledRelease").GetProperty("planning").GetProperty("rationale").GetString();
        Assert.Contains($"the {partnershipName} Public Social Partnership co-designed and piloted", rationale);
        Assert.Contains("evidence pack attached to the tender", rationale);
    }
}

public sealed class PilotEvidenceOnSqlite(SqlitePortal portal) : PilotEvidenceTests(portal);

public sealed class PilotEvidenceOnPostgres(PostgresPortal portal) : PilotEvidenceTests(portal);
