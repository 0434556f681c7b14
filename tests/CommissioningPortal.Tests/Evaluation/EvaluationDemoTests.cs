using System.Text.Json.Nodes;
using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Evaluation;

/// <summary>Issue 16 part 9: the demo holds an awarded tender with panel scores, moderation and sent letters; the OCDS feed of a fresh portal shows its tender, award and contract.</summary>
public abstract class EvaluationDemoTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task The_demo_has_an_awarded_tender_with_scores_moderation_letters_and_its_contract_in_the_open_data()
    {
        var id = await Portal.WithDbAsync(db => db.Opportunities.Where(o => o.Title == EvaluationDemo.Title).Select(o => o.Id).SingleAsync(Ct));
        var e = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().Include(x => x.Seats).Include(x => x.Consensus).SingleAsync(x => x.OpportunityId == id, Ct));
        Assert.Equal(EvaluationStage.Awarded, e.Stage);
        Assert.Contains(e.Seats, s => s.Role == PanelRole.LivedExperience);
        Assert.Equal(6, e.Consensus.Count);
        Assert.Equal(10, await Portal.WithDbAsync(db => db.EvaluatorScores.CountAsync(s => s.EvaluationId == e.Id, Ct)));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.FeedbackLetters.CountAsync(l => l.EvaluationId == e.Id && l.SentAt != null && l.Pdf != null, Ct)));

        using var client = NewClient();
        var record = JsonNode.Parse(await client.Http.GetStringAsync($"/api/ocds/records/ocds-scsds1-{id}", Ct))!["records"]![0]!;
        Assert.Equal(["tender", "tenderUpdate", "award", "awardUpdate", "contract"], record["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()).ToList());
        Assert.Equal("Bright Steps Care", record["compiledRelease"]!["contracts"] is not null ? record["compiledRelease"]!["awards"]![0]!["suppliers"]![0]!["name"]!.GetValue<string>() : null);

        // Bright Steps reads its letter; Loch View's letter says why it was not successful.
        using var loch = NewClient();
        await loch.SignInAsync("micro@lochview.example");
        var page = await loch.GetPageAsync($"/tenders/{id}/feedback");
        Assert.Contains("We intend to award the contract to Bright Steps Care", page.Text);
        var pdf = string.Join(" ", PdfFiles.Pages(await loch.Http.GetByteArrayAsync($"/tenders/{id}/feedback?handler=pdf", Ct)));
        Assert.Contains("Scores per question", pdf);
    }
}

public sealed class EvaluationDemoOnSqlite(SqlitePortal portal) : EvaluationDemoTests(portal);

public sealed class EvaluationDemoOnPostgres(PostgresPortal portal) : EvaluationDemoTests(portal);
