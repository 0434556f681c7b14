using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// The ISF ledger of an authorised agreement: planned budget per four-week period, what the provider
/// posted (delivery, purchases, anomalies) and what the authority added, the rolling balance with the
/// carry-over rule, a plain statement for the person, CSV. Recurring over- or under-use beyond the
/// tolerance gives the practitioners a review task.
/// </summary>
[Authorize]
[OneTimeForm]
public sealed class LedgerModel(LedgerReader reader) : PageModel
{
    /// <summary>The carry-over rule every ledger runs with (the agreement document describes it).</summary>
    public static CarryOverRule CarryOver => LedgerReader.CarryOver;

    public IsfAgreement Agreement { get; private set; } = null!;
    public SupportedPerson Person { get; private set; } = null!;
    public IsfStatement? Statement { get; private set; }
    public IReadOnlyList<ReviewSignal> Signals { get; private set; } = [];
    public IReadOnlyList<string> Plain { get; private set; } = [];
    public IReadOnlyList<LedgerEntryKind> MayPost { get; private set; } = [];

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? HourlyRate { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Narrative { get; set; }

    /// <summary>The kind ticked in the form: what was sent, or the first the user may post.</summary>
    public LedgerEntryKind ChosenKind => MayPost.FirstOrDefault(k => k.ToString() == Kind, MayPost.Count > 0 ? MayPost[0] : default);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Statement is null) return NotFound();
        var rows = Statement.Periods.SelectMany(p => p.Lines.Select(l => (Period: p.Period, Line: l)));
        return File(Csv.Bytes(["Period", "Date", "Kind", "Narrative", "Hours", "Rate", "Amount", "Balance after"], rows,
            r => [r.Period.Describe(), r.Line.Entry.Date.ToString("yyyy-MM-dd"), r.Line.Entry.Kind, r.Line.Entry.Narrative, r.Line.Entry.Hours, r.Line.Entry.HourlyRate,
                  r.Line.Entry.BalanceChange, r.Line.BalanceAfter]), Csv.ContentType, $"{Agreement.Reference}-ledger.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] PostLedgerEntry post, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Statement is null || MayPost.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);

        var result = await post.HandleAsync(new(id, Kind, Date, Hours, HourlyRate, Amount, Narrative), User, ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = $"Posted: {result.Value!.Narrative}.";
            return Redirect($"/agreements/{id}/ledger");
        }
        result.AddTo(ModelState);
        return this.BadRequestPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, User, ct) is not { } ledger) return false;
        (Agreement, Person, Statement, Signals, Plain, MayPost) = (ledger.Agreement, ledger.Person, ledger.Statement, ledger.Signals, ledger.Plain, ledger.MayPost);
        return true;
    }

    public static string KindName(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Delivery => "Support delivered (hours)",
        LedgerEntryKind.Purchase => "Something bought",
        LedgerEntryKind.TopUp => "Top-up from the authority",
        LedgerEntryKind.OneOffPayment => "One-off payment from the authority",
        LedgerEntryKind.Adjustment => "Correction by the authority",
        _ => "Something to discuss (no money)",
    };
}
