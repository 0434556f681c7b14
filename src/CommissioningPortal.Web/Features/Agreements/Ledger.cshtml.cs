using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Workflows;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// The ISF ledger of an authorised agreement: planned budget per four-week period, what the provider
/// posted (delivery, purchases, anomalies) and what the authority added, the rolling balance with the
/// carry-over rule, a plain statement for the person, CSV. Recurring over- or under-use beyond the
/// tolerance gives the practitioners a review task.
/// </summary>
[Authorize]
public sealed class LedgerModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Spending this far from plan …</summary>
    public const decimal TolerancePercent = 15m;

    /// <summary>… for this many periods in a row raises a review task.</summary>
    public const int ConsecutivePeriods = 3;

    /// <summary>Unspent money carried forward up to four weeks' budget; the rest goes back at period end.</summary>
    public static readonly CarryOverRule CarryOver = CarryOverRule.UpToWeeksOfBudget(4);

    public IsfAgreement Agreement { get; private set; } = null!;
    public SupportedPerson Person { get; private set; } = null!;
    public LedgerTerms? Terms { get; private set; }
    public IsfStatement? Statement { get; private set; }
    public IReadOnlyList<ReviewSignal> Signals { get; private set; } = [];
    public IReadOnlyList<string> Plain { get; private set; } = [];
    public IReadOnlyList<LedgerEntryKind> MayPost { get; private set; } = [];

    [BindProperty] public LedgerEntryKind Kind { get; set; } = LedgerEntryKind.Delivery;
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public decimal? Hours { get; set; }
    [BindProperty] public decimal? HourlyRate { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Narrative { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Statement is null) return NotFound();
        var rows = Statement.Periods.SelectMany(p => p.Lines.Select(l => (Period: p.Period, Line: l)));
        return File(Csv.Bytes(["Period", "Date", "Kind", "Narrative", "Hours", "Rate", "Amount", "Balance after"], rows,
            r => [r.Period.Describe(), r.Line.Entry.Date.ToString("yyyy-MM-dd"), r.Line.Entry.Kind, r.Line.Entry.Narrative, r.Line.Entry.Hours, r.Line.Entry.HourlyRate,
                  r.Line.Entry.BalanceChange, r.Line.BalanceAfter]), Csv.ContentType, $"{Agreement.Reference}-ledger.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Terms is null || !MayPost.Contains(Kind)) return StatusCode(StatusCodes.Status403Forbidden);

        LedgerEntry? entry = null;
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", out var date)) ModelState.AddModelError(nameof(Date), "Enter the date, like 2026-12-14");
        else if (Terms.CheckEntryDate(date) is { } outside) ModelState.AddModelError(nameof(Date), outside);
        else if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ModelState.AddModelError(nameof(Date), "Post what has happened: the date is in the future");
        if (string.IsNullOrWhiteSpace(Narrative)) ModelState.AddModelError(nameof(Narrative), "Say what it was, in a few words");
        if (ModelState.IsValid)
        {
            try
            {
                var by = User.DisplayNameOf();
                entry = Kind switch
                {
                    LedgerEntryKind.Delivery => LedgerEntry.Delivery(date, Hours ?? 0, HourlyRate ?? 0, by, Narrative!),
                    LedgerEntryKind.Purchase => LedgerEntry.Purchase(date, Amount ?? 0, by, Narrative!),
                    LedgerEntryKind.TopUp => LedgerEntry.TopUp(date, Amount ?? 0, by, Narrative!),
                    LedgerEntryKind.OneOffPayment => LedgerEntry.OneOffPayment(date, Amount ?? 0, by, Narrative!),
                    LedgerEntryKind.Adjustment => LedgerEntry.Adjustment(date, Amount ?? 0, by, Narrative!),
                    _ => LedgerEntry.Anomaly(date, by, Narrative!),
                };
            }
            catch (ArgumentException e)
            {
                var field = e.ParamName switch { "hours" => nameof(Hours), "hourlyRate" => nameof(HourlyRate), "narrative" => nameof(Narrative), _ => nameof(Amount) };
                ModelState.AddModelError(field, e.Message.Split(" (Parameter")[0]);
            }
        }
        if (entry is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.LedgerEntries.Add(entry);
        db.Entry(entry).Property(Data.Configurations.LedgerEntryConfiguration.AgreementId).CurrentValue = id;
        db.Entry(entry).Property(Data.Configurations.LedgerEntryConfiguration.PostedAt).CurrentValue = clock.GetUtcNow();
        await RaiseReviewTaskAsync(entry, ct); // in the same save: the entry and its task, or neither
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Posted: {entry.Narrative}.";
        return Redirect($"/agreements/{id}/ledger");
    }

    /// <summary>A recurring over- or under-spend gives the practitioners a task, once; doing it starts the agreement's review.</summary>
    private async Task RaiseReviewTaskAsync(LedgerEntry entry, CancellationToken ct)
    {
        var entries = await EntriesAsync(Agreement.Id, ct);
        entries.Add(entry);
        var statement = IsfLedger.Statement(Terms!, entries, Today());
        var signal = IsfLedger.ReviewSignals(statement, TolerancePercent, ConsecutivePeriods).LastOrDefault();
        if (signal is null) return;
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == Agreement.WorkflowInstanceId, ct);
        if (instance.State != "active") return; // already under review or being varied
        var open = await db.WorkItems.AnyAsync(w => w.InstanceId == instance.Id && w.ClosedAt == null && w.Trigger == "review-due", ct);
        if (open) return;
        var now = clock.GetUtcNow();
        db.WorkItems.Add(new WorkItem
        {
            InstanceId = instance.Id, Title = $"Review spending with {Person.Name}: {signal.Reason}", Role = Roles.Practitioner,
            AuthorityId = Agreement.AuthorityId, State = instance.State, Trigger = "review-due", CreatedAt = now, DueAt = now.AddDays(14),
        });
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<List<LedgerEntry>> EntriesAsync(Guid agreementId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => EF.Property<Guid>(e, Data.Configurations.LedgerEntryConfiguration.AgreementId) == agreementId)
            .OrderBy(e => e.Date).ToListAsync(ct);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return false;
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(User, agreement, person)) return false;
        (Agreement, Person) = (agreement, person);

        // The ledger runs from the first authorised version; later authorised versions change the budget from the day they were authorised.
        var authorised = (await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.AuthorisedAt != null)
                .Select(v => new { v.TermsJson, v.AuthorisedAt, v.Number }).ToListAsync(ct))
            .OrderBy(v => v.Number).Select(v => (Terms: AgreementService.Terms(new IsfAgreementVersion { TermsJson = v.TermsJson, OfferedPdf = [], OfferedSha256 = "", CreatedBy = "" }), v.AuthorisedAt)).ToList();
        if (authorised.Count == 0) return true;
        var first = authorised[0].Terms;
        var changes = authorised.Skip(1)
            .Select(v => new BudgetChange(DateOnly.FromDateTime(v.AuthorisedAt!.Value.UtcDateTime) is var d && d > first.StartDate ? d : first.StartDate.AddDays(1), v.Terms.WeeklyBudget))
            .GroupBy(c => c.EffectiveFrom).Select(g => g.Last()).ToList();
        Terms = new LedgerTerms(first.StartDate, null, LedgerPeriodLength.FourWeekly, first.WeeklyBudget, CarryOver, changes);
        var asOf = Today() < first.StartDate ? first.StartDate : Today();
        Statement = IsfLedger.Statement(Terms, await EntriesAsync(id, ct), asOf);
        Signals = IsfLedger.ReviewSignals(Statement, TolerancePercent, ConsecutivePeriods);
        Plain = IsfLedger.PlainStatement(Statement);
        MayPost = AgreementAccess.IsProviderOf(User, agreement) ? [LedgerEntryKind.Delivery, LedgerEntryKind.Purchase, LedgerEntryKind.Anomaly]
            : AgreementAccess.IsStaffOf(User, agreement) ? [LedgerEntryKind.TopUp, LedgerEntryKind.OneOffPayment, LedgerEntryKind.Adjustment, LedgerEntryKind.Anomaly]
            : [];
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
