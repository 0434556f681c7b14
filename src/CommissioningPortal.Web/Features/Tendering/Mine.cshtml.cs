using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// <c>/tenders/mine</c>: every response of the signed-in user's provider (drafts, submitted, withdrawn) with its
/// opportunity, deadline and how long is left, when it was last saved and when it was received, a link to carry on,
/// and a CSV of the same. Envelopes only: nothing here reads sealed content.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class MyResponsesModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid OpportunityId, string Title, string Authority, OpportunityStatus OpportunityStatus, DateTimeOffset? Deadline,
        ResponseStatus Status, bool ShortForm, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string? ReceiptSha256)
    {
        /// <summary>Whether the respond page takes it (published and before the deadline).</summary>
        public bool Open(DateTimeOffset now) => OpportunityStatus == OpportunityStatus.Published && Deadline > now;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var bytes = Csv.Bytes(["Opportunity", "Authority", "Status", "Form", "Deadline (UTC)", "Time left", "Last saved (UTC)", "Received (UTC)", "Receipt SHA-256", "Link"], Rows, r =>
        [
            r.Title, r.Authority, StatusName(r.Status), r.ShortForm ? "Short form" : "Full form", Stamp(r.Deadline), TenderingPages.ClosesIn(r.Deadline, Now),
            Stamp(r.UpdatedAt), r.Status == ResponseStatus.Submitted ? Stamp(r.SubmittedAt) : "", r.Status == ResponseStatus.Submitted ? r.ReceiptSha256 : "",
            $"/tenders/{r.OpportunityId}/respond",
        ]);
        return File(bytes, Csv.ContentType, "my-responses.csv");
    }

    public static string StatusName(ResponseStatus status) => status switch
    {
        ResponseStatus.Submitted => "Submitted",
        ResponseStatus.Withdrawn => "Withdrawn (a draft again)",
        _ => "Draft",
    };

    private static string Stamp(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        if (User.ProviderIdOf() is not { } providerId) return;
        var rows = await db.TenderResponses.AsNoTracking().Where(r => r.ProviderId == providerId)
            .Join(db.Opportunities, r => r.OpportunityId, o => o.Id, (r, o) => new { r, o })
            .Join(db.Authorities, x => x.o.AuthorityId, a => a.Id, (x, a) => new Row(x.o.Id, x.o.Title, a.Name, x.o.Status, x.o.SubmissionDeadline,
                x.r.Status, x.r.ShortForm, x.r.UpdatedAt, x.r.SubmittedAt, x.r.ReceiptSha256))
            .ToListAsync(ct);
        // Open ones first, soonest deadline first; then the closed, most recent first.
        Rows = [.. rows.Where(r => r.Open(Now)).OrderBy(r => r.Deadline), .. rows.Where(r => !r.Open(Now)).OrderByDescending(r => r.Deadline)];
    }
}
