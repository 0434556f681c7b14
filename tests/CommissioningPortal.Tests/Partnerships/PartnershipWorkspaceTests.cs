using System.Net;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CommissioningPortal.Tests.Partnerships.PartnershipSteps;

namespace CommissioningPortal.Tests.Partnerships;

/// <summary>
/// Partnership workspaces (issue 19) through the real pages: partners, not only the commissioner, propose and
/// decide; an alliance decision passes only unanimously; a PSP gate only with its evidence; only members see a
/// workspace and its documents; every item records who and when; the report PDF has every measure's chart and table.
/// </summary>
public abstract class PartnershipWorkspaceTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static Task<HttpResponseMessage> StepAsync(PortalClient client, Guid id, string trigger, string reasons) =>
        PostAsync(client, $"/partnerships/{id}", $"/partnerships/{id}/step", new Dictionary<string, string> { ["Trigger"] = trigger, ["Reasons"] = reasons });

    private Task<string> StateOfAsync(Guid id) =>
        Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Join(db.WorkflowInstances, p => p.InstanceId, i => i.Id, (p, i) => i.State).SingleAsync(Ct));

    /// <summary>A POST of one handler with the antiforgery token from a page the client can read (for a step the page does not offer as a choice).</summary>
    private static async Task<PortalClient.Page> PostDirectAsync(PortalClient client, string pagePath, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(pagePath);
        fields["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await PortalClient.Page.ReadAsync(await client.Http.PostAsync(action, new FormUrlEncodedContent(fields), Ct));
    }

    [Fact]
    public async Task An_alliance_decision_with_one_objection_does_not_pass_and_says_who_objected_and_why_until_it_is_withdrawn()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        using var provider = await SignedInAsync(Portal, DemoUsers.Provider);
        using var panel = await SignedInAsync(Portal, DemoUsers.Panel);
        var id = await FormAsync(commissioner, "Alliance", Unique("Homelessness alliance"));
        await InviteAndJoinAsync(Portal, commissioner, provider, id, "Bright Steps Care", DemoUsers.Provider, "Provider");
        await InviteAndJoinAsync(Portal, provider, panel, id, "Morag, lived experience", DemoUsers.Panel, "LivedExperience"); // a partner invites too
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(commissioner, id, "close-interest", "Interest closed")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(commissioner, id, "select-partners", "Bright Steps chosen with the people it will support")).StatusCode);

        // A provider, not the commissioner, puts the proposal.
        var proposed = await PostAsync(provider, $"/partnerships/{id}/decisions", $"/partnerships/{id}/decisions/propose", new Dictionary<string, string> { ["Proposal"] = "Sign the alliance agreement" });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var decision = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Join(db.AllianceDecisions, p => p.InstanceId, d => d.AllianceInstanceId, (p, d) => d).SingleAsync(Ct));
        Assert.NotEqual("", decision.ProposedBy);
        var form = $"#decision-{decision.Id} form";
        async Task PositionAsync(PortalClient client, string position, string? reason = null)
        {
            var page = await client.GetPageAsync($"/partnerships/{id}/decisions");
            var f = page.Document.QuerySelectorAll(form).First(x => x.QuerySelector($"input[name=position][value={position}]") is not null);
            f.SetAttribute("id", "chosen");
            var fields = new Dictionary<string, string>();
            if (reason is not null) fields["Reason"] = reason;
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, fields, "#chosen")).StatusCode);
        }
        await PositionAsync(commissioner, "agree");
        await PositionAsync(panel, "agree");

        // An objection needs its reason.
        var page0 = await provider.GetPageAsync($"/partnerships/{id}/decisions");
        var noReason = await PostDirectAsync(provider, $"/partnerships/{id}/decisions", $"/partnerships/{id}/decisions/position",
            new Dictionary<string, string> { ["decisionId"] = decision.Id.ToString(), ["position"] = "object", ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("Give the reason for your objection", noReason.Document.QuerySelector(".ds_error-summary")!.TextContent);
        await PositionAsync(provider, "object", "The risk share is not yet agreed");

        var seen = await panel.GetPageAsync($"/partnerships/{id}/decisions");
        var card = seen.Document.QuerySelector($"#decision-{decision.Id}")!.TextContent;
        Assert.Contains("Not passed", card);
        Assert.Contains("Bright Steps Care objects: The risk share is not yet agreed", card);
        var overview = await provider.GetPageAsync($"/partnerships/{id}");
        Assert.Contains("Bright Steps Care objects: The risk share is not yet agreed", overview.Document.QuerySelector("#blocked-steps")!.TextContent);
        Assert.Null(overview.Document.QuerySelector("input#Trigger-sign-agreement"));
        var refused = await PostDirectAsync(provider, $"/partnerships/{id}", $"/partnerships/{id}/step",
            new Dictionary<string, string> { ["Trigger"] = "sign-agreement", ["Reasons"] = "Signing" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Bright Steps Care objects", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("agreement-drafted", await StateOfAsync(id));

        await PositionAsync(provider, "withdraw");
        Assert.Contains("Passed: every member agrees.", (await panel.GetPageAsync($"/partnerships/{id}/decisions")).Document.QuerySelector($"#decision-{decision.Id}")!.TextContent);
        // The provider (an Alliance Leadership Team member, not a commissioner) takes the step, with reasons.
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(provider, id, "sign-agreement", "Every member agrees the agreement")).StatusCode);
        Assert.Equal("live", await StateOfAsync(id));
        var log = (await panel.GetPageAsync($"/partnerships/{id}/decisions")).Document.QuerySelector("#steps-decided")!.TextContent;
        Assert.Contains("Every member agrees the agreement", log);
        Assert.Contains("Alliance Leadership Team live", log);
        _ = page0;
    }

    [Fact]
    public async Task A_PSP_gate_passes_only_with_the_evidence_its_stage_needs_and_partners_decide_it_with_reasons()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        using var provider = await SignedInAsync(Portal, DemoUsers.Provider);
        using var panel = await SignedInAsync(Portal, DemoUsers.Panel);
        var id = await FormAsync(commissioner, "PublicSocialPartnership", Unique("Older people PSP"));
        await InviteAndJoinAsync(Portal, commissioner, provider, id, "Bright Steps Care", DemoUsers.Provider, "Provider");
        await InviteAndJoinAsync(Portal, commissioner, panel, id, "Morag, lived experience", DemoUsers.Panel, "LivedExperience");

        // Reasons are required; then the provider agrees the partnership.
        var noReasons = await PostDirectAsync(provider, $"/partnerships/{id}", $"/partnerships/{id}/step", new Dictionary<string, string> { ["Trigger"] = "agree-partnership", ["Reasons"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.Status);
        Assert.Contains("Write down the reasons", noReasons.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(provider, id, "agree-partnership", "We share the objectives")).StatusCode);
        Assert.Equal("co-design", await StateOfAsync(id));

        // The co-design gate is blocked until the plan is recorded, and the page says what is missing.
        var overview = await panel.GetPageAsync($"/partnerships/{id}");
        Assert.Contains("still missing the co-designed service plan", overview.Document.QuerySelector("#blocked-steps")!.TextContent);
        Assert.Contains("Not yet", overview.Document.QuerySelector("#gate-evidence")!.TextContent);
        var blocked = await PostDirectAsync(panel, $"/partnerships/{id}", $"/partnerships/{id}/step", new Dictionary<string, string> { ["Trigger"] = "pass-stage-1-gate", ["Reasons"] = "Ready" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        Assert.Contains("co-designed service plan", blocked.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("co-design", await StateOfAsync(id));

        var recorded = await PostAsync(panel, $"/partnerships/{id}", $"/partnerships/{id}/evidence", new Dictionary<string, string> { ["Item"] = "co-design-plan", ["Title"] = "Service plan v3, written with the people who will use it" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Service plan v3", (await panel.GetPageAsync($"/partnerships/{id}")).Document.QuerySelector("#gate-evidence")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(panel, id, "pass-stage-1-gate", "The plan meets the outcomes people asked for")).StatusCode);
        Assert.Equal("pilot", await StateOfAsync(id));

        var log = (await commissioner.GetPageAsync($"/partnerships/{id}/decisions")).Document.QuerySelector("#steps-decided")!.TextContent;
        Assert.Contains("The plan meets the outcomes people asked for", log);
        Assert.Contains("Stage 1: co-design → Stage 2: pilot, with evidence", log);
        var evidence = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Join(db.PartnershipEvidence, p => p.InstanceId, e => e.PartnershipInstanceId, (p, e) => e).SingleAsync(Ct));
        Assert.NotEqual("", evidence.RecordedBy);
    }

    [Fact]
    public async Task A_non_member_gets_404_for_the_workspace_and_its_documents_and_every_item_records_who_and_when()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        using var provider = await SignedInAsync(Portal, DemoUsers.Provider);
        var id = await FormAsync(commissioner, "PublicSocialPartnership", Unique("Recovery PSP"));
        await InviteAndJoinAsync(Portal, commissioner, provider, id, "Bright Steps Care", DemoUsers.Provider, "Provider");

        // The provider uploads a document, then a second version.
        async Task UploadAsync(string? documentId)
        {
            var page = await provider.GetPageAsync($"/partnerships/{id}/documents");
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Terms of reference"), "DocumentTitle" },
                { new StringContent(documentId ?? ""), "DocumentId" },
                { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "Upload", "terms.pdf" },
            };
            Assert.Equal(HttpStatusCode.Redirect, (await provider.Http.PostAsync($"/partnerships/{id}/documents", content, Ct)).StatusCode);
        }
        await UploadAsync(null);
        var document = await Portal.WithDbAsync(db => db.PartnershipDocuments.SingleAsync(d => d.PartnershipId == id, Ct));
        await UploadAsync(document.Id.ToString());
        var docs = (await commissioner.GetPageAsync($"/partnerships/{id}/documents")).Document.QuerySelector("#document-list")!.TextContent;
        Assert.Contains("Version 2: terms.pdf", docs);
        Assert.Contains("Version 1: terms.pdf", docs);
        var versions = await Portal.WithDbAsync(db => db.PartnershipDocuments.Where(d => d.Id == document.Id).SelectMany(d => d.Versions).ToListAsync(Ct));
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v.UploadedBy)));
        Assert.Equal(2, versions.Select(v => v.Location).Distinct().Count());

        // A meeting with its minutes, a risk: who and when on each.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(commissioner, $"/partnerships/{id}/record", $"/partnerships/{id}/record/meeting",
            new Dictionary<string, string> { ["MeetingTitle"] = "First partnership meeting", ["HeldOn"] = "2026-12-10", ["Agenda"] = "Objectives; who we still need" })).StatusCode);
        var meeting = await Portal.WithDbAsync(db => db.PartnershipMeetings.SingleAsync(m => m.PartnershipId == id, Ct));
        var minutesPage = await provider.GetPageAsync($"/partnerships/{id}/record");
        var minutesForm = $"#meeting-{meeting.Id} form";
        Assert.Equal(HttpStatusCode.Redirect, (await provider.SubmitAsync(minutesPage, new Dictionary<string, string> { ["Minutes"] = "We agreed to invite two people who use the service." }, minutesForm)).StatusCode);
        var recordedMeeting = await Portal.WithDbAsync(db => db.PartnershipMeetings.SingleAsync(m => m.Id == meeting.Id, Ct));
        Assert.False(string.IsNullOrEmpty(recordedMeeting.RecordedBy));
        Assert.False(string.IsNullOrEmpty(recordedMeeting.MinutesBy));
        Assert.NotNull(recordedMeeting.MinutesAt);
        Assert.Contains($"Minutes ({recordedMeeting.MinutesBy}", (await commissioner.GetPageAsync($"/partnerships/{id}/record")).Document.QuerySelector($"#meeting-{meeting.Id}")!.TextContent);
        var badRisk = await PostAsync(commissioner, $"/partnerships/{id}/record", $"/partnerships/{id}/record/risk",
            new Dictionary<string, string> { ["RiskKind"] = "Risk", ["Description"] = "Staff turnover", ["Owner"] = "", ["ReviewOn"] = "someday" });
        Assert.Equal(HttpStatusCode.BadRequest, badRisk.StatusCode);
        var badPage = await PortalClient.Page.ReadAsync(badRisk);
        Assert.Contains("Enter who owns it", badPage.Text);
        Assert.Equal("Staff turnover", badPage.Document.QuerySelector("#Description")!.TextContent.Trim()); // what was typed is kept
        Assert.Equal(0, await Portal.WithDbAsync(db => db.PartnershipRisks.CountAsync(r => r.PartnershipId == id, Ct)));

        var paths = new[]
        {
            $"/partnerships/{id}", $"/partnerships/{id}/decisions", $"/partnerships/{id}/record", $"/partnerships/{id}/documents", $"/partnerships/{id}/pilot",
            $"/partnerships/{id}/documents/file?documentId={document.Id}&number=1", $"/partnerships/{id}/report.pdf", $"/partnerships/{id}/registers/meetings.csv",
        };
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(path)).StatusCode);
        }
        foreach (var outsider in new[] { "micro@lochview.example", DemoUsers.ArdbraeCommissioner, DemoUsers.GlenmorePractitioner, DemoUsers.Panel, DemoUsers.Administrator })
        {
            using var client = await SignedInAsync(Portal, outsider);
            foreach (var path in paths)
            {
                Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"{outsider} should get a 404 for {path}");
            }
            var posted = await client.Http.PostAsync($"/partnerships/{id}/record/meeting", new FormUrlEncodedContent([]), Ct);
            Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        }
        var file = await provider.GetAsync($"/partnerships/{id}/documents/file?documentId={document.Id}&number=2");
        Assert.Equal("%PDF-1.4\n%%EOF\n", await file.Content.ReadAsStringAsync(Ct));
        var csv = await (await provider.GetAsync($"/partnerships/{id}/registers/meetings.csv")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("First partnership meeting", csv);
        Assert.Contains("We agreed to invite two people", csv);
    }

    [Fact]
    public async Task The_demo_has_a_PSP_in_its_pilot_with_measures_and_an_alliance_decision_awaiting_agreement_each_with_a_provider_and_a_lived_experience_member()
    {
        using var panel = await SignedInAsync(Portal, DemoUsers.Panel);
        var list = (await panel.GetPageAsync("/partnerships")).Document.QuerySelector("#partnerships")!;
        var psp = list.QuerySelectorAll("a").Single(a => a.TextContent == "Glenmore Connected Communities PSP").GetAttribute("href")!;
        var alliance = list.QuerySelectorAll("a").Single(a => a.TextContent == "Glenmore Alliance for Recovery").GetAttribute("href")!;
        foreach (var workspace in new[] { psp, alliance })
        {
            var members = (await panel.GetPageAsync(workspace)).Document.QuerySelector("#member-list")!.TextContent;
            Assert.Contains("Provider", members);
            Assert.Contains("Lived-experience member", members);
        }
        var overview = await panel.GetPageAsync(psp);
        Assert.Contains("Stage 2: pilot", overview.Document.QuerySelector("#stage-bar [aria-current=step]")!.TextContent);
        var pilot = await panel.GetPageAsync(psp + "/pilot");
        Assert.Equal(3, pilot.Document.QuerySelectorAll("svg.measure-chart").Length);
        Assert.Equal(3, pilot.Document.QuerySelectorAll("table.measure-table").Length);
        var decisions = await panel.GetPageAsync(alliance + "/decisions");
        var card = decisions.Document.QuerySelector("[id^=decision-]")!.TextContent;
        Assert.Contains("Not passed", card);
        Assert.Contains("waiting for Bright Steps Care", card);
    }

    [Fact]
    public async Task A_workspace_formed_from_its_PSP_invitation_takes_the_opportunitys_kind_and_only_once()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        var opportunity = await Portal.WithDbAsync(db => db.Opportunities.Where(o => o.Title == "Islands day opportunities: a Public Social Partnership").Select(o => o.Id).SingleAsync(Ct));
        var manage = await commissioner.GetPageAsync($"/authority/glenmore/opportunities/{opportunity}");
        var link = manage.Document.QuerySelector("#partnership-workspace a")!.GetAttribute("href")!;
        var form = await commissioner.GetPageAsync(link);
        Assert.Equal("Islands day opportunities: a Public Social Partnership", form.ValueOf("Name"));
        var formed = await commissioner.SubmitAsync(form, new Dictionary<string, string>(), "form[action='/partnerships/new']");
        // Formed from the opportunity, with its kind (nothing chosen on the form) and the opportunity recorded; unless another test got there first.
        var partnership = await Portal.WithDbAsync(db => db.Partnerships.SingleAsync(p => p.OpportunityId == opportunity, Ct));
        Assert.Equal(PartnershipKind.PublicSocialPartnership, partnership.Kind);
        if (formed.StatusCode == HttpStatusCode.Redirect) Assert.EndsWith(partnership.Id.ToString(), formed.Headers.Location!.OriginalString);
        var again = await commissioner.SubmitAsync(form, new Dictionary<string, string>(), "form[action='/partnerships/new']");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already has its partnership workspace", (await PortalClient.Page.ReadAsync(again)).Text);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Partnerships.CountAsync(p => p.OpportunityId == opportunity, Ct)));
    }
}

public sealed class PartnershipWorkspaceOnSqlite(SqlitePortal portal) : PartnershipWorkspaceTests(portal);

public sealed class PartnershipWorkspaceOnPostgres(PostgresPortal portal) : PartnershipWorkspaceTests(portal);
