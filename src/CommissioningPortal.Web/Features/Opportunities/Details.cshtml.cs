using System.Security.Claims;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities/{id}</c>: one published opportunity, summary first; its description's Markdown sanitised. A draft is not found.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PortalDbContext db, ContentRenderer renderer) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public string AuthorityName { get; private set; } = "";
    public string? DescriptionHtml { get; private set; }
    public OpportunityView View { get; private set; } = null!;

    /// <summary>The signed-in user follows it (and gets its amendments by e-mail).</summary>
    public bool Following { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().AsSplitQuery().Include(o => o.Lots).Include(o => o.Changes).Include(o => o.Documents)
            .FirstOrDefaultAsync(o => o.Id == id && o.Status != OpportunityStatus.Draft, ct);
        if (opportunity is null) return NotFound();
        Opportunity = opportunity;
        AuthorityName = await db.Authorities.Where(a => a.Id == opportunity.AuthorityId).Select(a => a.Name).FirstAsync(ct);
        DescriptionHtml = opportunity.Description is { } d ? renderer.MarkdownToSafeHtml(d) : null;
        View = new OpportunityView(opportunity, AuthorityName, DescriptionHtml, await OpportunityView.NamesAsync(db, opportunity, ct), Preview: false);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Following = userId is not null && await db.OpportunityFollows.AnyAsync(f => f.OpportunityId == id && f.UserId == userId, ct);
        return Page();
    }

    /// <summary>The key dates as an iCalendar file (RFC 5545, written by hand: one all-day or timed event per date set).</summary>
    public async Task<IActionResult> OnGetIcsAsync(Guid id, CancellationToken ct)
    {
        if (await OnGetAsync(id, ct) is not PageResult) return NotFound();
        var o = Opportunity;
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Commissioning Portal//Opportunities//EN", "CALSCALE:GREGORIAN" };
        void Timed(string key, string name, DateTimeOffset? at)
        {
            if (at is not { } t) return;
            lines.AddRange(["BEGIN:VEVENT", $"UID:{o.Id:N}-{key}@commissioning-portal", $"DTSTAMP:{Stamp(o.PublishedAt ?? o.CreatedAt)}",
                $"DTSTART:{Stamp(t)}", $"DTEND:{Stamp(t)}", $"SUMMARY:{Escape($"{name}: {o.Title}")}", "END:VEVENT"]);
        }
        void AllDay(string key, string name, DateOnly? day)
        {
            if (day is not { } d) return;
            lines.AddRange(["BEGIN:VEVENT", $"UID:{o.Id:N}-{key}@commissioning-portal", $"DTSTAMP:{Stamp(o.PublishedAt ?? o.CreatedAt)}",
                $"DTSTART;VALUE=DATE:{d:yyyyMMdd}", $"DTEND;VALUE=DATE:{d.AddDays(1):yyyyMMdd}", $"SUMMARY:{Escape($"{name}: {o.Title}")}", "END:VEVENT"]);
        }
        Timed("clarification", "Questions deadline", o.ClarificationDeadline);
        Timed("submission", "Submission deadline", o.SubmissionDeadline);
        AllDay("award", "Expected award", o.ExpectedAwardOn);
        AllDay("start", "Contract start", o.ContractStartOn);
        lines.Add("END:VCALENDAR");
        return File(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(Fold))), "text/calendar", $"opportunity-{o.Id:N}.ics");
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        return text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n");
    }

    /// <summary>Folds a content line (RFC 5545 3.1): at most 60 characters a line (within 75 octets for the Latin text used), continuations start with a space.</summary>
    private static string Fold(string line)
    {
        if (line.Length <= 60) return line + "\r\n";
        var folded = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i += 60)
            folded.Append(i == 0 ? "" : " ").Append(line.AsSpan(i, Math.Min(60, line.Length - i))).Append("\r\n");
        return folded.ToString();
    }
}
