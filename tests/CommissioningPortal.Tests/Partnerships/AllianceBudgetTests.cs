using System.Net;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CommissioningPortal.Tests.Partnerships.PartnershipSteps;

namespace CommissioningPortal.Tests.Partnerships;

/// <summary>An alliance's shared budget: the pain/gain share rule recorded, the outturn split by it, the annual review report.</summary>
public abstract class AllianceBudgetTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public void A_gain_or_pain_is_split_by_the_shares_with_no_penny_lost()
    {
        var budget = new AllianceBudget(Guid.NewGuid(), "2026/27", 100_000_00, "Shared by contract value", [("Council", 34), ("Provider A", 33), ("Provider B", 33)], "test", DateTimeOffset.UnixEpoch);
        Assert.Empty(budget.Split());
        budget.RecordOutturn(99_999_90, "test", DateTimeOffset.UnixEpoch); // a 10p gain: 3.4p, 3.3p, 3.3p
        Assert.Equal([4L, 3L, 3L], budget.Split().Select(p => p.Pence));
        budget.RecordOutturn(99_900_00, "test", DateTimeOffset.UnixEpoch); // a £100 gain
        Assert.Equal([3_400L, 3_300L, 3_300L], budget.Split().Select(p => p.Pence));
        budget.RecordOutturn(100_000_00 + 3_00, "test", DateTimeOffset.UnixEpoch); // £3 pain
        Assert.Equal(-300, budget.Split().Sum(p => p.Pence));
        Assert.Equal("The shares must add up to 100%: they add up to 90%", AllianceBudget.SharesProblem([60, 30]));
    }

    [Fact]
    public async Task An_alliance_records_its_shared_budget_with_the_pain_gain_rule_and_the_annual_review_report_splits_the_gain()
    {
        using var commissioner = await SignedInAsync(Portal, DemoUsers.GlenmoreCommissioner);
        using var provider = await SignedInAsync(Portal, DemoUsers.Provider);
        var id = await FormAsync(commissioner, "Alliance", $"Budget alliance {Guid.NewGuid():N}"[..24]);
        await InviteAndJoinAsync(Portal, commissioner, provider, id, "Bright Steps Care", DemoUsers.Provider, "Provider");
        var seats = await Portal.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Join(db.AllianceMembers, p => p.InstanceId, m => m.AllianceInstanceId, (p, m) => m).ToListAsync(Ct));
        var council = seats.Single(s => s.Name != "Bright Steps Care");
        var brightSteps = seats.Single(s => s.Name == "Bright Steps Care");
        Dictionary<string, string> Form(int councilShare, int providerShare) => new()
        {
            ["Year"] = "2026/27", ["Budget"] = "1,200,000", ["Rule"] = "Underspend and overspend shared 60:40 between the council and the provider.",
            [$"Share_{council.Id}"] = councilShare.ToString(), [$"Share_{brightSteps.Id}"] = providerShare.ToString(),
        };
        var refused = await PostAsync(provider, $"/partnerships/{id}/budget", $"/partnerships/{id}/budget", Form(60, 30));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains("they add up to 90%", page.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("30", page.ValueOf($"Share_{brightSteps.Id}"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.AllianceBudgets.CountAsync(b => b.PartnershipId == id, Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(provider, $"/partnerships/{id}/budget", $"/partnerships/{id}/budget", Form(60, 40))).StatusCode);
        var budget = await Portal.WithDbAsync(db => db.AllianceBudgets.SingleAsync(b => b.PartnershipId == id, Ct));
        var budgetPage = await commissioner.GetPageAsync($"/partnerships/{id}/budget");
        var outturn = await commissioner.SubmitAsync(budgetPage, new Dictionary<string, string> { ["Outturn"] = "1150000" }, $"#budget-{budget.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, outturn.StatusCode);
        var text = (await commissioner.GetPageAsync($"/partnerships/{id}/budget")).Document.QuerySelector($"#budget-{budget.Id}")!.TextContent;
        Assert.Contains("£30,000.00", text); // 60% of the £50,000 gain
        Assert.Contains("£20,000.00", text);

        var pdf = await (await provider.GetAsync($"/partnerships/{id}/budget/review?budgetId={budget.Id}")).Content.ReadAsByteArrayAsync(Ct);
        var report = string.Join(" ", PdfFiles.Pages(pdf));
        Assert.Contains("annual review 2026/27", report);
        Assert.Contains("Gain (underspend) to share: £50,000.00", report);
        Assert.Contains("£30,000.00", report);
        Assert.Contains("£20,000.00", report);
        Assert.Contains("60:40", report);

        using var outsider = await SignedInAsync(Portal, "micro@lochview.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/partnerships/{id}/budget/review?budgetId={budget.Id}")).StatusCode);
    }
}

public sealed class AllianceBudgetOnSqlite(SqlitePortal portal) : AllianceBudgetTests(portal);

public sealed class AllianceBudgetOnPostgres(PostgresPortal portal) : AllianceBudgetTests(portal);
