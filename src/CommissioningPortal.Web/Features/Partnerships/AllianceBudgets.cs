using System.Globalization;
using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Layouts;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// An alliance's shared budget and risk and reward: the year's budget with its pain/gain share rule (each Alliance
/// Leadership Team member's share, adding up to 100%), the outturn when the year closes, and the annual review
/// report (PDF) that splits the gain or pain by the rule, with the year's decisions and risks.
/// </summary>
public sealed class AllianceBudgets(PortalDbContext db, TimeProvider clock)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public sealed record BudgetInput(string? Year, string? Budget, string? Rule, IReadOnlyDictionary<Guid, string?> Shares);

    public static string Pounds(long pence) => (pence / 100m).ToString("£#,##0.00", Uk);

    internal static long? ParsePence(string? text) =>
        decimal.TryParse(text?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds)
        && pounds >= 0 && pounds <= 10_000_000_000m && decimal.Round(pounds, 2) == pounds ? (long)(pounds * 100) : null;

    public async Task<UseCaseResult<AllianceBudget>> AddAsync(Workspace w, BudgetInput input, CancellationToken ct)
    {
        if (!w.IsAlliance || w.Me is null) return UseCaseResult<AllianceBudget>.NotFound();
        var team = await TeamAsync(w, ct);
        var errors = new FieldErrors();
        errors.Check(nameof(BudgetInput.Year), PartnershipRecordItem.TextProblem(input.Year, "the year, like 2026/27", 20));
        var pence = ParsePence(input.Budget);
        if (pence is null) errors.Add(nameof(BudgetInput.Budget), "Enter the shared budget in pounds, like 1250000");
        errors.Check(nameof(BudgetInput.Rule), PartnershipRecordItem.TextProblem(input.Rule, "the pain/gain share rule in words", 2000));
        var shares = new List<(string, int)>();
        foreach (var m in team)
        {
            var text = input.Shares.TryGetValue(m.Id, out var t) ? t : null;
            if (!int.TryParse(text?.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent)) errors.Add($"Share_{m.Id}", $"Enter {m.Name}'s share as a whole percentage");
            else shares.Add((m.Name, percent));
        }
        if (!errors.Has("Shares") && shares.Count == team.Count) errors.Check("Shares", AllianceBudget.SharesProblem(shares.Select(s => s.Item2)));
        if (errors.Any) return errors.Invalid<AllianceBudget>();
        var budget = new AllianceBudget(w.Partnership.Id, input.Year!, pence!.Value, input.Rule!, shares, w.UserName, clock.GetUtcNow());
        db.AllianceBudgets.Add(budget);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<AllianceBudget>.Done(budget);
    }

    public async Task<UseCaseResult<AllianceBudget>> RecordOutturnAsync(Workspace w, Guid budgetId, string? outturn, CancellationToken ct)
    {
        if (!w.IsAlliance || w.Me is null) return UseCaseResult<AllianceBudget>.NotFound();
        var budget = await db.AllianceBudgets.FirstOrDefaultAsync(b => b.Id == budgetId && b.PartnershipId == w.Partnership.Id, ct);
        if (budget is null) return UseCaseResult<AllianceBudget>.NotFound();
        if (ParsePence(outturn) is not { } pence) return UseCaseResult<AllianceBudget>.Invalid("Outturn", "Enter what was spent in pounds, like 1190000");
        budget.RecordOutturn(pence, w.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<AllianceBudget>.Done(budget);
    }

    public async Task<IReadOnlyList<AllianceMember>> TeamAsync(Workspace w, CancellationToken ct) =>
        (await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == w.Instance.Id && m.LeftAt == null).ToListAsync(ct)).OrderBy(m => m.JoinedAt).ThenBy(m => m.Name).ToList();

    /// <summary>The annual review report for one year's budget: the split of gain or pain by the rule, the year's decisions and the risks.</summary>
    public async Task<byte[]> ReviewReportAsync(Workspace w, AllianceBudget budget, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == w.Partnership.AuthorityId).Select(a => a.Name).SingleAsync(ct);
        var team = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == w.Instance.Id).ToListAsync(ct);
        var decisions = (await db.AllianceDecisions.AsNoTracking().Where(d => d.AllianceInstanceId == w.Instance.Id).ToListAsync(ct)).OrderBy(d => d.ProposedAt).ToList();
        var risks = (await db.PartnershipRisks.AsNoTracking().Where(r => r.PartnershipId == w.Partnership.Id).ToListAsync(ct)).OrderBy(r => r.ReviewOn).ToList();
        string When(DateTimeOffset at) => at.ToString("d MMMM yyyy", Uk);

        var report = new Report($"{w.Partnership.Name}: annual review {budget.Year}")
        {
            Subtitle = "The shared budget, its pain/gain share and the year's decisions",
            Organisation = authority,
            Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        var money = new List<Block>
        {
            new Paragraph($"Shared budget {budget.Year}: {Pounds(budget.BudgetPence)} (recorded by {budget.RecordedBy}, {When(budget.RecordedAt)})."),
            new Paragraph().Bold("Pain/gain share rule: ").Text(budget.Rule),
        };
        if (budget.VariancePence is { } variance)
        {
            money.Add(new Paragraph($"Outturn: {Pounds(budget.OutturnPence!.Value)} (recorded by {budget.OutturnBy}, {When(budget.OutturnAt!.Value)}). " +
                (variance >= 0 ? $"Gain (underspend) to share: {Pounds(variance)}." : $"Pain (overspend) to share: {Pounds(-variance)}.")));
            var t = new Table(4, 1, 2) { Caption = variance >= 0 ? "Each member's share of the gain" : "Each member's share of the pain" }.Header("Member", "Share", "Amount");
            foreach (var (member, percent, pence) in budget.Split()) t.Row(member, $"{percent}%", Pounds(Math.Abs(pence)));
            money.Add(t);
        }
        else
        {
            var t = new Table(4, 1) { Caption = "Pain/gain shares" }.Header("Member", "Share");
            foreach (var s in budget.Shares) t.Row(s.Member, $"{s.Percent}%");
            money.Add(t);
            money.Add(new Paragraph("The outturn is not recorded yet: the split follows when it is."));
        }
        report.Section("Shared budget and risk and reward", money);
        var decisionBlocks = new List<Block>();
        if (decisions.Count == 0) decisionBlocks.Add(new Paragraph("No proposals this year."));
        foreach (var d in decisions) decisionBlocks.Add(new Paragraph($"{When(d.ProposedAt)}: {d.Proposal}. {d.WhyNotUnanimous(team) ?? "Passed: every member agreed."}"));
        report.Section("Decisions of the Alliance Leadership Team", decisionBlocks);
        var riskBlocks = new List<Block>();
        if (risks.Count == 0) riskBlocks.Add(new Paragraph("No risks or issues recorded."));
        else
        {
            var t = new Table(1, 4, 2, 2) { Caption = "Risk and issue register" }.Header("Kind", "What", "Owner", "Next review");
            foreach (var r in risks) t.Row(r.Kind.ToString(), r.Description, r.Owner, r.ReviewOn.ToString("d MMMM yyyy", Uk));
            riskBlocks.Add(t);
        }
        report.Section("Risks and issues", riskBlocks);
        return PdfRenderer.Render(report.ToDocument());
    }
}
