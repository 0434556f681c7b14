using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// The ISF ledger of an authorised agreement: planned budget per period of the payment schedule in force,
/// what the provider posted (delivery, purchases, corrections, anomalies) and what the authority added, the
/// rolling balance with the carry-over rule, reversals beside what they reverse, a plain statement for the
/// person, CSV. An entry that overspends needs a reason and tells the practitioner and the person;
/// recurring over- or under-use beyond the tolerance gives the practitioners a review task.
/// </summary>
[Authorize]
[OneTimeForm]
public sealed class LedgerModel(LedgerReader reader) : PageModel
{
    /// <summary>The carry-over rule every ledger runs with (the agreement document describes it).</summary>

    public IsfAgreement Agreement { get; private set; } = null!;
    public SupportedPerson Person { get; private set; } = null!;
    public IsfStatement? Statement { get; private set; }
    public IReadOnlyList<ReviewSignal> Signals { get; private set; } = [];
    public IReadOnlyList<string> Plain { get; private set; } = [];
    public IReadOnlyList<LedgerEntryKind> MayPost { get; private set; } = [];
    public LedgerReader.Ledger Ledger { get; private set; } = null!;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? HourlyRate { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The kind ticked in the form: what was sent, or the first the user may post.</summary>
    public LedgerEntryKind ChosenKind => MayPost.FirstOrDefault(k => k.ToString() == Kind, MayPost.Count > 0 ? MayPost[0] : default);

    /// <summary>"four-weekly", "fortnightly", …: the schedule in force today, for the table's caption.</summary>
    public string ScheduleWords => Statement is null ? "" : LedgerSchedule.Describe(Statement.Terms.PeriodLengthOn(Statement.AsOf));

    /// <summary>Whether the reader may post a correction to <paramref name="entry"/>: spending they could have posted, not reversed.</summary>
    public bool MayCorrect(LedgerEntry entry) =>
        entry.IsSpend && MayPost.Contains(LedgerEntryKind.Correction) && MayPost.Contains(entry.Kind) && Ledger.MayReverse(entry);

    /// <param name="correct">An entry to correct: the form starts as a correction of it, on its date.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid? correct, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (correct is { } entryId && Ledger.Entries.FirstOrDefault(e => e.Id == entryId) is { } entry && MayCorrect(entry))
        {
            Kind = nameof(LedgerEntryKind.Correction);
            Date = entry.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Narrative = $"Correction to the {IsfLedger.Describe(entry.Kind)} of {AgreementTerms.Date(entry.Date)}: {entry.Narrative}";
            if (Narrative.Length > LedgerEntry.MaxNarrativeLength) Narrative = Narrative[..LedgerEntry.MaxNarrativeLength];
        }
        Date ??= reader.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); // most entries are for today
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Statement is null) return NotFound();
        var rows = Statement.Periods.SelectMany(p => p.Lines.Select(l => (Period: p.Period, Line: l)));
        return File(Csv.Bytes(["Period", "Date", "Kind", "Narrative", "Hours", "Rate", "Amount", "Balance after", "Posted by", "Reason", "Entry", "Reverses", "Reversed by"], rows,
            r => [r.Period.Describe(), r.Line.Entry.Date.ToString("yyyy-MM-dd"), r.Line.Entry.IsReversal ? $"Reversal of {r.Line.Entry.Kind}" : r.Line.Entry.Kind.ToString(),
                  r.Line.Entry.Narrative, r.Line.Entry.Hours, r.Line.Entry.HourlyRate, r.Line.Entry.BalanceChange, r.Line.BalanceAfter,
                  r.Line.Entry.PostedBy, r.Line.Entry.Reason, r.Line.Entry.Id, r.Line.Entry.ReversesId, r.Line.ReversedBy?.Id]),
            Csv.ContentType, $"{Agreement.Reference}-ledger.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] PostLedgerEntry post, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Statement is null || MayPost.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);

        var result = await post.HandleAsync(new(id, Kind, Date, Hours, HourlyRate, Amount, Narrative, Reason), User, ct);
        if (result.Succeeded)
        {
            var posted = result.Value!;
            TempData["StatusMessage"] = posted.Warnings.Count == 0
                ? $"Posted: {posted.Entry.Narrative}."
                : $"Posted: {posted.Entry.Narrative}, with your reason. {string.Join(" ", posted.Warnings)} The practitioner and {Person.Name} have been told.";
            return Redirect($"/agreements/{id}/ledger");
        }
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, User, ct) is not { } ledger) return false;
        Ledger = ledger;
        (Agreement, Person, Statement, Signals, Plain, MayPost) = (ledger.Agreement, ledger.Person, ledger.Statement, ledger.Signals, ledger.Plain, ledger.MayPost);
        return true;
    }

    public static string KindName(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Delivery => "Support delivered (hours)",
        LedgerEntryKind.Purchase => "Something bought",
        LedgerEntryKind.Correction => "Correction to spending (can be negative)",
        LedgerEntryKind.TopUp => "Top-up from the authority",
        LedgerEntryKind.OneOffPayment => "One-off payment from the authority",
        LedgerEntryKind.Adjustment => "Correction by the authority",
        _ => "Something to discuss (no money)",
    };
}
