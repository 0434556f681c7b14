using System.Net;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CommissioningPortal.Tests.Evaluation;

/// <summary>
/// Issue 16 parts 1–4 through the pages: a panel of two commissioners and a lived-experience member; conflicts declared before any
/// response is seen and enforced by page and by typed address; independent scoring; moderation to consensus; a price below the
/// sustainable floor flagged; the award, its 10-day standstill ended by the process timer, the contract and the feedback letters.
/// </summary>
public abstract class EvaluationJourneyTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string pagePath, string action, params (string, string)[] fields)
    {
        var page = await client.GetPageAsync(pagePath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await client.PostFormAsync(page, fields, action);
    }

    private static (string, string)[] Scores(EvaluationTestData.OpenedTender t, int written, int second, string comment) =>
    [
        ($"Scores[{t.Tender.Written}]", written.ToString(System.Globalization.CultureInfo.InvariantCulture)), ($"Comments[{t.Tender.Written}]", comment),
        ($"Scores[{t.Second}]", second.ToString(System.Globalization.CultureInfo.InvariantCulture)), ($"Comments[{t.Second}]", comment + " (families)"),
    ];

    [Fact]
    public async Task A_panel_declares_scores_apart_moderates_and_awards_with_letters_after_a_timed_standstill()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var t = await Portal.OpenedTenderAsync(word);
        var id = t.Tender.OpportunityId;
        using var lead = await Portal.CommissionerAsync(t.Tender.Authority.CommissionerEmail);
        using var second = await Portal.CommissionerAsync(t.Tender.SecondCommissionerEmail);
        using var member = NewClient();
        await member.SignInAsync(t.PanelEmail);

        // The sustainable floor: £12.60 + 38% on-costs = £17.39 an hour (Low's £15.47 is under it). A bad entry is refused, naming the field.
        var bad = await PostAsync(lead, "/tendering/price-floors", "/tendering/price-floors", ("EffectiveFrom", "2020-01-01"), ("RealLivingWage", "twelve"), ("OnCostPercent", "38"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The Real Living Wage must be an amount in pounds", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, "/tendering/price-floors", "/tendering/price-floors", ("EffectiveFrom", "2020-01-01"), ("RealLivingWage", "12.60"), ("OnCostPercent", "38"))).StatusCode);

        // The panel: both commissioners and the lived-experience member, who scores the written question only.
        var panelPage = $"/tendering/{id}/evaluation";
        foreach (var email in new[] { t.Tender.Authority.CommissionerEmail, t.Tender.SecondCommissionerEmail, t.PanelEmail })
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, panelPage, $"{panelPage}?handler=add", ("Email", email))).StatusCode);
        var stranger = await PostAsync(lead, panelPage, $"{panelPage}?handler=add", ("Email", "nobody@elsewhere.example"));
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("Nobody with that e-mail address works with your authority", await stranger.Content.ReadAsStringAsync(Ct));
        var memberId = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == t.PanelEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, panelPage, $"{panelPage}?handler=assign", ("MemberId", memberId), ("QuestionIds", t.Tender.Written.ToString()))).StatusCode);
        Assert.Single(await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == t.PanelEmail && m.Kind == "evaluation-panel-invitation").ToListAsync()));

        // Before declaring, a response is not shown: to the member (sent to declare) nor on the commissioners' own response page.
        var early = await member.Http.GetAsync($"/evaluation/{id}/responses/{t.Low.ResponseId}");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal($"/evaluation/{id}", early.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Http.GetAsync($"/tendering/{id}/responses/{t.Low.ResponseId}")).StatusCode);
        Assert.DoesNotContain($"Low plan {word}", await second.Http.GetStringAsync($"/tendering/{id}/responses?handler=csv", Ct));

        // Declarations: the second commissioner knows High. A conflict without a note is refused, nothing recorded.
        var noNote = await PostAsync(second, $"/evaluation/{id}", $"/evaluation/{id}", ("ConflictedProviderIds", t.High.ProviderId.ToString()), ("Confirmed", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Say briefly what the conflict of interest is", await noNote.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, $"/evaluation/{id}", $"/evaluation/{id}",
            ("ConflictedProviderIds", t.High.ProviderId.ToString()), ("Note", "My sister manages it."), ("Confirmed", "true"))).StatusCode);
        foreach (var c in new[] { lead, member })
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(c, $"/evaluation/{id}", $"/evaluation/{id}", ("Confirmed", "true"))).StatusCode);

        // The conflict blocks High's response by page (no link) and by typed address, here and on the tendering response page.
        var list = await second.GetPageAsync($"/evaluation/{id}");
        Assert.Null(list.Document.QuerySelector($"a[href='/evaluation/{id}/responses/{t.High.ResponseId}']"));
        Assert.NotNull(list.Document.QuerySelector($"a[href='/evaluation/{id}/responses/{t.Low.ResponseId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await second.Http.GetAsync($"/evaluation/{id}/responses/{t.High.ResponseId}")).StatusCode);
        Assert.DoesNotContain($"High plan {word}", await (await second.Http.GetAsync($"/evaluation/{id}/responses/{t.High.ResponseId}")).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await second.Http.GetAsync($"/tendering/{id}/responses/{t.High.ResponseId}")).StatusCode);
        foreach (var path in new[] { $"/tendering/{id}/responses?handler=csv", $"/api/tendering/{id}/responses" })
        {
            var body = await second.Http.GetStringAsync(path, Ct);
            Assert.DoesNotContain($"High plan {word}", body);
            Assert.Contains($"Low plan {word}", body);
            Assert.Contains($"High plan {word}", await lead.Http.GetStringAsync(path, Ct));
        }
        var forged = await second.PostFormAsync(await second.GetPageAsync($"/evaluation/{id}/responses/{t.Low.ResponseId}"), Scores(t, 1, 1, "forged"), $"/evaluation/{id}/responses/{t.High.ResponseId}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.Http.GetAsync($"/tendering/{id}/responses/{t.High.ResponseId}")).StatusCode);

        // Scoring: a score off the scale and a missing comment are refused with the question named, nothing saved.
        var offScale = await PostAsync(lead, $"/evaluation/{id}/responses/{t.Low.ResponseId}", $"/evaluation/{id}/responses/{t.Low.ResponseId}",
            ($"Scores[{t.Tender.Written}]", "9"), ($"Comments[{t.Tender.Written}]", ""), ($"Scores[{t.Second}]", "2"), ($"Comments[{t.Second}]", "ok"));
        Assert.Equal(HttpStatusCode.BadRequest, offScale.StatusCode);
        Assert.Contains("Question 1: choose a score from 0 to 4.", await offScale.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.EvaluatorScores.CountAsync(s => s.ResponseId == t.Low.ResponseId)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/evaluation/{id}/responses/{t.Low.ResponseId}", $"/evaluation/{id}/responses/{t.Low.ResponseId}", Scores(t, 4, 3, $"Lead on Low {word}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/evaluation/{id}/responses/{t.High.ResponseId}", $"/evaluation/{id}/responses/{t.High.ResponseId}", Scores(t, 3, 3, $"Lead on High {word}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, $"/evaluation/{id}/responses/{t.Low.ResponseId}", $"/evaluation/{id}/responses/{t.Low.ResponseId}", Scores(t, 0, 2, $"Second on Low {word}"))).StatusCode);

        // Others' scores are hidden until moderation: the second commissioner sees only their own; moderation is not there yet.
        var secondsPage = await second.GetPageAsync($"/evaluation/{id}/responses/{t.Low.ResponseId}");
        Assert.Contains($"Second on Low {word}", secondsPage.Html);
        Assert.DoesNotContain($"Lead on Low {word}", secondsPage.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/tendering/{id}/moderation")).StatusCode);

        // The lived-experience member: the written question only, and never a price on any of their pages.
        var memberPages = new List<string>();
        foreach (var bid in new[] { t.Low, t.High })
        {
            var page = await member.GetPageAsync($"/evaluation/{id}/responses/{bid.ResponseId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("How to score: a guide in plain words", page.Text);
            Assert.Contains("70:30 in favour of quality", page.Text);
            Assert.Null(page.Document.GetElementById($"Scores_{t.Second}_"));
            memberPages.Add(page.Html);
            var memberScores = new (string, string)[] { ($"Scores[{t.Tender.Written}]", "2"), ($"Comments[{t.Tender.Written}]", $"Member on {bid.Name}") };
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(page, memberScores, $"/evaluation/{id}/responses/{bid.ResponseId}")).StatusCode);
        }
        // A question the member was not given is refused even when posted.
        var notMine = await member.PostFormAsync(await member.GetPageAsync($"/evaluation/{id}/responses/{t.Low.ResponseId}"),
            [($"Scores[{t.Tender.Written}]", "2"), ($"Comments[{t.Tender.Written}]", $"Member on {t.Low.Name}"), ($"Scores[{t.Second}]", "4"), ($"Comments[{t.Second}]", "sneaky")], $"/evaluation/{id}/responses/{t.Low.ResponseId}");
        Assert.Equal(HttpStatusCode.Redirect, notMine.StatusCode);
        Assert.False(await Portal.WithDbAsync(db => db.EvaluatorScores.AnyAsync(s => s.QuestionId == t.Second && s.Comment == "sneaky")));
        memberPages.Add((await member.GetPageAsync($"/evaluation/{id}")).Html);
        memberPages.Add((await member.GetPageAsync("/panel")).Html);
        foreach (var html in memberPages)
        {
            Assert.DoesNotContain("£", html);
            Assert.DoesNotContain("15.47", html);
            Assert.DoesNotContain("24.63", html);
            Assert.DoesNotContain("per hour", html);
        }
        var denied = await member.Http.GetAsync($"/tendering/{id}/results");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || denied.Headers.Location?.OriginalString.Contains("access-denied") == true);

        // Moderation: every score side by side, a large spread (4 against 0) highlighted; the conflicted commissioner does not see High.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, panelPage, $"{panelPage}?handler=moderate")).StatusCode);
        var moderation = await lead.GetPageAsync($"/tendering/{id}/moderation");
        Assert.Contains($"Lead on Low {word}", moderation.Text);
        Assert.Contains($"Second on Low {word}", moderation.Text);
        Assert.Contains($"Member on Low {word}", moderation.Text);
        Assert.Contains("Large spread: 4", moderation.Text);
        Assert.DoesNotContain($"High {word}", (await second.GetPageAsync($"/tendering/{id}/moderation")).Text);
        var closed = await PostAsync(lead, $"/evaluation/{id}/responses/{t.Low.ResponseId}", $"/evaluation/{id}/responses/{t.Low.ResponseId}", Scores(t, 1, 1, "late"));
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);

        var early2 = await PostAsync(lead, $"/tendering/{id}/moderation", $"/tendering/{id}/moderation?handler=finish");
        Assert.Equal(HttpStatusCode.BadRequest, early2.StatusCode);
        Assert.Contains("4 answers still need their consensus score", await early2.Content.ReadAsStringAsync(Ct));
        var noReason = await PostAsync(lead, $"/tendering/{id}/moderation", $"/tendering/{id}/moderation",
            ("ResponseId", t.Low.ResponseId.ToString()), ("QuestionId", t.Tender.Written.ToString()), ("Score", "3"), ("Reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give the reason for the consensus score.", await noReason.Content.ReadAsStringAsync(Ct));
        foreach (var (bid, written, other) in new[] { (t.Low, 3, 3), (t.High, 3, 2) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/moderation", $"/tendering/{id}/moderation",
                ("ResponseId", bid.ResponseId.ToString()), ("QuestionId", t.Tender.Written.ToString()), ("Score", written.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", $"Agreed {bid.Name}"))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/moderation", $"/tendering/{id}/moderation",
                ("ResponseId", bid.ResponseId.ToString()), ("QuestionId", t.Second.ToString()), ("Score", other.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", $"Agreed families {bid.Name}"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/moderation", $"/tendering/{id}/moderation?handler=finish")).StatusCode);

        // Results: Low is flagged below the floor (High is not); excluding it needs a reason.
        var results = await lead.GetPageAsync($"/tendering/{id}/results");
        var lowRow = results.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains($"Low {word}"));
        Assert.Contains("Below the sustainable floor", lowRow.TextContent);
        Assert.Contains("£15.47 per hour is below the floor of £17.39", lowRow.TextContent);
        Assert.DoesNotContain("Below the sustainable floor", results.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains($"High {word}")).TextContent);
        var noExclusionReason = await PostAsync(lead, $"/tendering/{id}/results", $"/tendering/{id}/results?handler=exclude", ("ExcludeResponseId", t.Low.ResponseId.ToString()), ("ExclusionReason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noExclusionReason.StatusCode);
        Assert.Contains("Give the reason for excluding this bid", await noExclusionReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/results", $"/tendering/{id}/results?handler=exclude",
            ("ExcludeResponseId", t.Low.ResponseId.ToString()), ("ExclusionReason", "£15.47 an hour cannot pay the Real Living Wage and on-costs."))).StatusCode);
        results = await lead.GetPageAsync($"/tendering/{id}/results");
        Assert.Contains("Not ranked: Excluded", results.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains($"Low {word}")).TextContent);

        // The award: reasons required; then the standstill, letters drafted, the award notice in the change log.
        var noReasons = await PostAsync(lead, $"/tendering/{id}/results", $"/tendering/{id}/results?handler=award", ("WinnerResponseId", t.High.ResponseId.ToString()), ("Reasons", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        var excludedWinner = await PostAsync(lead, $"/tendering/{id}/results", $"/tendering/{id}/results?handler=award", ("WinnerResponseId", t.Low.ResponseId.ToString()), ("Reasons", "Cheapest"));
        Assert.Equal(HttpStatusCode.BadRequest, excludedWinner.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/results", $"/tendering/{id}/results?handler=award",
            ("WinnerResponseId", t.High.ResponseId.ToString()), ("Reasons", $"Highest ranked sustainable bid {word}."))).StatusCode);
        var evaluation = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.OpportunityId == id));
        Assert.Equal(EvaluationStage.Standstill, evaluation.Stage);
        Assert.Equal(evaluation.AwardDecidedAt!.Value.AddDays(10), evaluation.StandstillEndsAt);
        Assert.Equal("standstill", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.BusinessKey == $"opportunity:{id}").Select(i => i.State).SingleAsync()));
        Assert.True(await Portal.WithDbAsync(db => db.OpportunityChanges.AnyAsync(c => c.OpportunityId == id && c.Kind == OpportunityChangeKind.AwardDecided)));

        // Letters: edited before sending, sent through the outbox; the PDF holds the bidder's and the winner's scores.
        var letterPage = $"/tendering/{id}/letters/{t.Low.ResponseId}";
        var draft = await lead.GetPageAsync(letterPage);
        Assert.Contains($"We intend to award the contract to High {word}", draft.Text);
        var edited = draft.Document.QuerySelector("textarea[name=Text]")!.TextContent + $"\n\nWith thanks from the panel {word}.";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(draft, [("Text", edited)], letterPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, letterPage, $"{letterPage}?handler=send")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/tendering/{id}/letters/{t.High.ResponseId}", $"/tendering/{id}/letters/{t.High.ResponseId}?handler=send")).StatusCode);
        var mail = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == t.Low.Email && m.Kind == "evaluation-feedback-letter").ToListAsync());
        Assert.Contains($"With thanks from the panel {word}.", Assert.Single(mail).TextBody);
        Assert.Single(await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == t.High.Email && m.Kind == "evaluation-feedback-letter").ToListAsync()));

        using var lowClient = await Portal.SignedInProviderAsync(t.Low.Email);
        var pdf = await lowClient.Http.GetByteArrayAsync($"/tenders/{id}/feedback?handler=pdf", Ct);
        var text = string.Join(" ", PdfFiles.Pages(pdf));
        Assert.Contains($"With thanks from the panel {word}.", text);
        Assert.Contains("Your score", text);
        // Low: quality 45, fair work 7.5 (no fair-work section: the quality fraction), no price points (excluded); High 36 + 6 + 30.
        Assert.Matches(@"Total \(out of 100\) 52\.5 72", text);
        Assert.Matches(@"reviews\? \(out of 4\) 3 2", text);
        Assert.Contains("Your bid was excluded", text);
        using var highClient = await Portal.SignedInProviderAsync(t.High.Email);
        Assert.Equal(HttpStatusCode.OK, (await highClient.Http.GetAsync($"/tenders/{id}/feedback")).StatusCode);
        Assert.DoesNotContain("With thanks from the panel", await (await highClient.Http.GetAsync($"/tenders/{id}/feedback")).Content.ReadAsStringAsync(Ct));

        // The standstill: nothing before ten days; the process timer ends it, the contract is recorded.
        var dispatcher = (TimeProvider clock) => new WorkflowTimerDispatcher(Portal.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<WorkflowTimerDispatcher>.Instance);
        var nineDays = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Portal.Clock.GetUtcNow().AddDays(9));
        await dispatcher(nineDays).FireDueAsync(Ct);
        Assert.Equal(EvaluationStage.Standstill, await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.OpportunityId == id).Select(e => e.Stage).SingleAsync()));
        var elevenDays = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Portal.Clock.GetUtcNow().AddDays(10).AddMinutes(1));
        await dispatcher(elevenDays).FireDueAsync(Ct);
        Assert.Equal(EvaluationStage.Awarded, await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.OpportunityId == id).Select(e => e.Stage).SingleAsync()));
        var contract = await Portal.WithDbAsync(db => db.ContractRecords.SingleAsync(c => c.OpportunityId == id));
        Assert.Equal(t.High.ProviderId, contract.ProviderId);
        Assert.Equal("awarded", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.BusinessKey == $"opportunity:{id}").Select(i => i.State).SingleAsync()));

        // The open data: the record's releases are tender, award, awardUpdate and contract; the compiled release has the active award and contract.
        using var anonymous = NewClient();
        var record = System.Text.Json.Nodes.JsonNode.Parse(await anonymous.Http.GetStringAsync($"/api/ocds/records/ocds-scsds1-{id}", Ct))!["records"]![0]!;
        var tags = record["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()).ToList();
        // (The tender's publication and the award share the shared fake clock's time here, so only the standstill's end orders them.)
        Assert.Equal(["award", "awardUpdate", "contract", "tender"], tags.Where(x => x is "tender" or "award" or "awardUpdate" or "contract").Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["awardUpdate", "contract"], tags.Where(x => x is "awardUpdate" or "contract").ToList());
        var award = record["releases"]!.AsArray().First(r => r!["tag"]![0]!.GetValue<string>() == "award")!["awards"]![0]!;
        Assert.Equal(("pending", $"High {word}"), (award["status"]!.GetValue<string>(), award["suppliers"]![0]!["name"]!.GetValue<string>()));
        var compiled = record["compiledRelease"]!;
        Assert.Equal("active", compiled["awards"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(compiled["awards"]![0]!["id"]!.GetValue<string>(), compiled["contracts"]![0]!["awardID"]!.GetValue<string>());
        Assert.Contains(compiled["parties"]!.AsArray(), p => p!["roles"]![0]!.GetValue<string>() == "supplier" && p["name"]!.GetValue<string>() == $"High {word}");
        Assert.DoesNotContain($"Low {word}", record.ToJsonString());

        // The CSV of scores, moderation and award; the evaluation report PDF.
        var csv = await lead.Http.GetStringAsync($"/tendering/{id}/results?handler=csv", Ct);
        Assert.Contains($"Lead on Low {word}", csv);
        Assert.Contains($"Agreed families High {word}", csv);
        Assert.Contains($"Highest ranked sustainable bid {word}.", csv);
        var report = string.Join(" ", PdfFiles.Pages(await lead.Http.GetByteArrayAsync($"/tendering/{id}/results?handler=report", Ct)));
        Assert.Contains($"Awarded to High {word}", report);
        Assert.Contains("Morag Lived-Experience (lived-experience member)", report);
    }
}

public sealed class EvaluationJourneyOnSqlite(SqlitePortal portal) : EvaluationJourneyTests(portal);

public sealed class EvaluationJourneyOnPostgres(PostgresPortal portal) : EvaluationJourneyTests(portal);
