using System.Globalization;
using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Layouts;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// The partnership report, made by the document engine (tagged PDF): members, objectives, decisions with
/// who and why, every pilot measure as a chart followed by its data table, unit costs, feedback, meetings
/// and the risk register. The same PDF is the evidence pack attached to the stage-3 procurement opportunity.
/// </summary>
public sealed class PartnershipReport(PortalDbContext db, TimeProvider clock)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public async Task<byte[]> RenderAsync(Workspace w, CancellationToken ct)
    {
        var id = w.Partnership.Id;
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == w.Partnership.AuthorityId).Select(a => a.Name).SingleAsync(ct);
        var members = (await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.InvitedAt).ToList();
        var objectives = (await db.PartnershipObjectives.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt).ToList();
        var measures = (await db.PilotMeasures.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt).ThenBy(o => o.Name).ToList();
        var costs = (await db.PilotUnitCosts.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt).ToList();
        var feedback = (await db.PilotFeedback.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt).ToList();
        var meetings = (await db.PartnershipMeetings.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.HeldOn).ToList();
        var risks = (await db.PartnershipRisks.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.ReviewOn).ToList();
        var steps = await PartnershipHistory.DecisionsAsync(db, w.Instance.Id, ct);
        var evidence = (await db.PartnershipEvidence.AsNoTracking().Where(e => e.PartnershipInstanceId == w.Instance.Id).ToListAsync(ct)).OrderBy(e => e.RecordedAt).ToList();
        string When(DateTimeOffset at) => at.ToString("d MMMM yyyy HH:mm", Uk);
        string State(string s) => w.Definition.State(s)?.Title ?? s;

        var report = new Report($"{w.Partnership.Name}: partnership report")
        {
            Subtitle = $"{Partnership.KindName(w.Partnership.Kind)}, now at: {w.StateTitle}",
            Organisation = authority,
            Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };

        var membersTable = new Table(3, 2, 2) { Caption = "Members" }.Header("Member", "Role", "Joined");
        foreach (var m in members) membersTable.Row(m.Name, Partnership.RoleName(m.Role), m.JoinedAt is { } j ? When(j) : "Invited, not yet joined");
        report.Section("The partnership", new Paragraph(w.Partnership.Purpose), membersTable);

        var objectivesBlocks = new List<Block>();
        if (objectives.Count == 0) objectivesBlocks.Add(new Paragraph("No objectives recorded yet."));
        else
        {
            var t = new Table(3, 3, 3, 2) { Caption = "Objectives and shared outcomes" }.Header("Objective", "Shared outcome", "Measure", "Recorded");
            foreach (var o in objectives) t.Row(o.Objective, o.Outcome, o.Measure, $"{o.RecordedBy}, {When(o.RecordedAt)}");
            objectivesBlocks.Add(t);
        }
        report.Section("Objectives and shared outcomes", objectivesBlocks);

        var decisionBlocks = new List<Block>();
        var stepTable = new Table(2, 2, 3, 4) { Caption = "Steps decided" }.Header("When", "Who", "Decision", "Reasons");
        foreach (var h in steps) stepTable.Row(When(h.At), h.Actor, $"{State(h.FromState)} → {State(h.ToState)}", h.Comment ?? "");
        decisionBlocks.Add(steps.Count == 0 ? new Paragraph("No steps decided yet.") : stepTable);
        if (evidence.Count > 0)
        {
            var t = new Table(2, 4, 3) { Caption = "Evidence recorded at the gates" }.Header("Stage", "Evidence", "Recorded");
            foreach (var e in evidence) t.Row(State(e.Stage), e.Title, $"{e.RecordedBy}, {When(e.RecordedAt)}");
            decisionBlocks.Add(t);
        }
        if (w.IsAlliance)
        {
            var team = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == w.Instance.Id).ToListAsync(ct);
            foreach (var d in (await db.AllianceDecisions.AsNoTracking().Where(d => d.AllianceInstanceId == w.Instance.Id).ToListAsync(ct)).OrderBy(d => d.ProposedAt))
            {
                decisionBlocks.Add(new Heading(2, d.Proposal));
                decisionBlocks.Add(new Paragraph($"Proposed by {(d.ProposedBy.Length > 0 ? d.ProposedBy : "a member")} on {When(d.ProposedAt)}. {d.WhyNotUnanimous(team) ?? "Passed: every member agrees."}"));
                var t = new Table(3, 4, 3).Header("Member", "Position", "When");
                foreach (var m in team.Where(m => m.IsCurrent))
                {
                    var p = d.PositionOf(m.Id);
                    t.Row(m.Name, p is null ? "Not yet given" : p.Position == AlliancePosition.Agrees ? "Agrees" : $"Objects: {p.Reason}", p is null ? "" : When(p.At));
                }
                decisionBlocks.Add(t);
            }
        }
        report.Section("Decisions", decisionBlocks);

        if (!w.IsAlliance)
        {
            var pilot = new List<Block>();
            if (measures.Count == 0) pilot.Add(new Paragraph("No pilot measures recorded yet."));
            foreach (var m in measures)
            {
                var values = m.InOrder.ToList();
                pilot.Add(new Heading(2, m.Name));
                if (values.Count == 0) { pilot.Add(new Paragraph("No values recorded yet.")); continue; }
                // The engine follows the chart with its data table (tagged as a table), so every value is there in text too.
                pilot.Add(new Chart(ChartKind.Line, $"{m.Name} ({m.Unit})", values.Select(v => MeasureChart.Period(v.Period)))
                {
                    AltText = MeasureChart.Summary(m),
                    CategoryAxisLabel = "Period",
                    ValueAxisLabel = m.Unit,
                }.Add(m.Name, values.Select(v => (double)v.Value)));
            }
            if (costs.Count > 0)
            {
                pilot.Add(new Heading(2, "Unit costs"));
                var t = new Table(4, 2, 3) { Caption = "Unit costs in the pilot" }.Header("What", "Amount", "Per");
                foreach (var c in costs) t.Row(c.Description, (c.AmountPence / 100m).ToString("£#,##0.00", Uk), c.Per);
                pilot.Add(t);
            }
            if (feedback.Count > 0)
            {
                pilot.Add(new Heading(2, "Feedback from people using the pilot"));
                foreach (var f in feedback) pilot.Add(new Paragraph().Italic($"“{f.Text}”").Text($" ({f.From}; recorded by {f.RecordedBy}, {When(f.RecordedAt)})"));
            }
            report.Section("Pilot evidence", pilot);
        }

        var meetingBlocks = new List<Block>();
        if (meetings.Count == 0) meetingBlocks.Add(new Paragraph("No meetings recorded yet."));
        foreach (var m in meetings)
        {
            meetingBlocks.Add(new Heading(2, $"{m.Title}, {m.HeldOn.ToString("d MMMM yyyy", Uk)}"));
            meetingBlocks.Add(new Paragraph().Bold("Agenda: ").Text($"{m.Agenda} ({m.RecordedBy}, {When(m.RecordedAt)})"));
            meetingBlocks.Add(m.Minutes is null ? new Paragraph("Minutes not yet recorded.") : new Paragraph().Bold("Minutes: ").Text($"{m.Minutes} ({m.MinutesBy}, {When(m.MinutesAt!.Value)})"));
        }
        report.Section("Meetings", meetingBlocks);

        var riskBlocks = new List<Block>();
        if (risks.Count == 0) riskBlocks.Add(new Paragraph("No risks or issues recorded yet."));
        else
        {
            var t = new Table(1, 4, 2, 2, 3) { Caption = "Risk and issue register" }.Header("Kind", "What", "Owner", "Next review", "Recorded");
            foreach (var r in risks) t.Row(r.Kind.ToString(), r.Description + (r.Response is { } resp ? $" Being done: {resp}" : ""), r.Owner, r.ReviewOn.ToString("d MMMM yyyy", Uk), $"{r.RecordedBy}, {When(r.RecordedAt)}");
            riskBlocks.Add(t);
        }
        report.Section("Risks and issues", riskBlocks);

        return PdfRenderer.Render(report.ToDocument());
    }
}
