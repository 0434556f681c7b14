using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>Every register of the partnership as CSV (members only), with who recorded each entry and when.</summary>
[Authorize]
public sealed class RegistersModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public static readonly string[] Names = ["objectives", "meetings", "risks", "decisions", "documents", "measures", "members"];

    public async Task<IActionResult> OnGetAsync(Guid id, string register, CancellationToken ct)
    {
        if (!Names.Contains(register) || await access.LoadAsync(id, User, ct) is not { } w) return NotFound();
        var bytes = await CsvAsync(db, w, register, ct);
        return File(bytes, Csv.ContentType, $"{Slug(w.Partnership.Name)}-{register}.csv");
    }

    internal static string Slug(string name) => new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public static async Task<byte[]> CsvAsync(PortalDbContext db, Workspace w, string register, CancellationToken ct)
    {
        var id = w.Partnership.Id;
        switch (register)
        {
            case "objectives":
                return Csv.Bytes(["Objective", "Shared outcome", "Measure", "Recorded by", "Recorded at"],
                    (await db.PartnershipObjectives.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(o => o.RecordedAt),
                    o => [o.Objective, o.Outcome, o.Measure, o.RecordedBy, o.RecordedAt]);
            case "meetings":
                return Csv.Bytes(["Meeting", "Held on", "Agenda", "Agenda by", "Agenda at", "Minutes", "Minutes by", "Minutes at"],
                    (await db.PartnershipMeetings.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.HeldOn),
                    m => [m.Title, m.HeldOn.ToString("yyyy-MM-dd"), m.Agenda, m.RecordedBy, m.RecordedAt, m.Minutes, m.MinutesBy, m.MinutesAt]);
            case "risks":
                return Csv.Bytes(["Kind", "What", "Owner", "Next review", "What is being done", "Recorded by", "Recorded at"],
                    (await db.PartnershipRisks.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(r => r.ReviewOn),
                    r => [r.Kind.ToString(), r.Description, r.Owner, r.ReviewOn.ToString("yyyy-MM-dd"), r.Response, r.RecordedBy, r.RecordedAt]);
            case "documents":
                return Csv.Bytes(["Document", "Version", "File", "Uploaded by", "Uploaded at"],
                    (await db.PartnershipDocuments.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).SelectMany(d => d.Versions.Select(v => (d, v))).OrderBy(x => x.d.Title).ThenBy(x => x.v.Number),
                    x => [x.d.Title, x.v.Number, x.v.FileName, x.v.UploadedBy, x.v.UploadedAt]);
            case "measures":
                return Csv.Bytes(["Measure", "Unit", "Period", "Value", "Recorded by", "Recorded at"],
                    (await db.PilotMeasures.AsNoTracking().Where(o => o.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Name).SelectMany(m => m.InOrder.Select(v => (m, v))),
                    x => [x.m.Name, x.m.Unit, x.v.Period.ToString("yyyy-MM-dd"), x.v.Value, x.v.RecordedBy, x.v.RecordedAt]);
            case "members":
                return Csv.Bytes(["Name", "Role", "Invited by", "Invited at", "Joined at"],
                    (await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == id).ToListAsync(ct)).OrderBy(m => m.InvitedAt),
                    m => [m.Name, Partnership.RoleName(m.Role), m.InvitedBy, m.InvitedAt, m.JoinedAt]);
            default:
                var steps = await PartnershipHistory.DecisionsAsync(db, w.Instance.Id, ct);
                var rows = steps.Select(h => (object?[])["Step", $"{w.Definition.State(h.FromState)?.Title ?? h.FromState} → {w.Definition.State(h.ToState)?.Title ?? h.ToState}", h.Actor, h.At, "", h.Comment]).ToList();
                if (w.IsAlliance)
                {
                    var team = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceInstanceId == w.Instance.Id).ToListAsync(ct);
                    foreach (var d in (await db.AllianceDecisions.AsNoTracking().Where(d => d.AllianceInstanceId == w.Instance.Id).ToListAsync(ct)).OrderBy(d => d.ProposedAt))
                    {
                        rows.Add(["Proposal", d.Proposal, d.ProposedBy, d.ProposedAt, d.WhyNotUnanimous(team) is null ? "Passed" : "Not passed", ""]);
                        foreach (var p in d.Positions.OrderBy(p => p.At))
                            rows.Add(["Position", d.Proposal, team.FirstOrDefault(m => m.Id == p.MemberId)?.Name, p.At, p.Position == AlliancePosition.Agrees ? "Agrees" : "Objects", p.Reason]);
                    }
                }
                return Csv.Bytes(["Entry", "Decision", "Who", "When", "Outcome", "Reasons"], rows, r => r);
        }
    }
}
