using System.Globalization;
using System.Security.Claims;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Workflows;
using LedgerConfiguration = CommissioningPortal.Data.Configurations.LedgerEntryConfiguration;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// Posts one entry to an agreement's ISF ledger: the provider posts support delivered, purchases, its
/// corrections (which can be negative, with a reason) and anomalies; the authority's staff post top-ups,
/// one-off payments, adjustments and anomalies. Every mistake is reported at once, each on its field: a
/// date outside the agreement or in the future, numbers that are not plain (1,5 or 0x10), amounts or hours
/// beyond the ledger's limits, hidden characters in the narrative or reason. An entry that takes the balance
/// below zero or spending beyond the tolerance is refused until a reason is given, then posted and the
/// practitioner and the person are told. A recurring over- or under-spend gives the practitioners a review
/// task in the same save: the entry, its e-mails and its tasks, or none of them.
/// </summary>
public sealed class PostLedgerEntry(PortalDbContext db, LedgerReader reader, LedgerAlerts alerts, TimeProvider clock)
{
    public sealed record Input(Guid AgreementId, string? Kind, string? Date, string? Hours, string? HourlyRate, string? Amount, string? Narrative, string? Reason = null);

    /// <summary>The entry posted, and what the poster was warned about (and gave a reason for).</summary>
    public sealed record Posted(LedgerEntry Entry, IReadOnlyList<string> Warnings);

    public async Task<UseCaseResult<Posted>> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var ledger = await reader.ReadAsync(input.AgreementId, actor, ct);
        if (ledger?.Terms is not { } terms) return UseCaseResult<Posted>.Invalid("", "This agreement's ledger is not open: it starts when the authority authorises the agreement.");

        var errors = new List<FieldError>();
        LedgerEntryKind? kind = Enum.TryParse<LedgerEntryKind>(input.Kind, ignoreCase: false, out var k) && !int.TryParse(input.Kind, out _) && ledger.MayPost.Contains(k) ? k : null;
        if (kind is null) errors.Add(new(nameof(Input.Kind), "Choose what it is from the list"));

        DateOnly? date = null;
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) errors.Add(new(nameof(Input.Date), "Enter the date, like 2026-12-14"));
        else if (terms.CheckEntryDate(d) is { } outside) errors.Add(new(nameof(Input.Date), outside));
        else if (d > reader.Today()) errors.Add(new(nameof(Input.Date), "Post what has happened: the date is in the future"));
        else date = d;

        // Until the kind is known, check whatever figures were typed, so every mistake shows at once.
        var delivery = kind is null or LedgerEntryKind.Delivery;
        var money = kind is null or not (LedgerEntryKind.Delivery or LedgerEntryKind.Anomaly);
        var hours = delivery ? Number(errors, nameof(Input.Hours), "the hours", input.Hours, "1.5") : null;
        var rate = delivery ? Number(errors, nameof(Input.HourlyRate), "the hourly rate in pounds", input.HourlyRate, "18.50") : null;
        var amount = money ? Number(errors, nameof(Input.Amount), "the amount in pounds", input.Amount, kind == LedgerEntryKind.Correction ? "-5.00" : "12.50") : null;
        var problems = kind is { } known
            ? LedgerEntry.Check(known, hours, rate, amount, input.Narrative, input.Reason)
            : LedgerEntry.Check(LedgerEntryKind.Anomaly, null, null, null, input.Narrative, input.Reason).Where(p => p.Field != "amount");
        foreach (var (field, message) in problems)
        {
            var name = field switch
            {
                "hours" => nameof(Input.Hours), "hourlyRate" => nameof(Input.HourlyRate), "narrative" => nameof(Input.Narrative), "reason" => nameof(Input.Reason),
                _ => nameof(Input.Amount),
            };
            if (errors.All(e => e.Field != name)) errors.Add(new(name, message));
        }
        if (errors.Count > 0 || kind is null || date is null) return UseCaseResult<Posted>.Invalid(errors);

        var by = actor.DisplayNameOf();
        var entry = kind switch
        {
            LedgerEntryKind.Delivery => LedgerEntry.Delivery(date.Value, hours!.Value, rate!.Value, by, input.Narrative!, input.Reason),
            LedgerEntryKind.Purchase => LedgerEntry.Purchase(date.Value, amount!.Value, by, input.Narrative!, input.Reason),
            LedgerEntryKind.Correction => LedgerEntry.Correction(date.Value, amount!.Value, by, input.Narrative!, input.Reason!),
            LedgerEntryKind.TopUp => LedgerEntry.TopUp(date.Value, amount!.Value, by, input.Narrative!, input.Reason),
            LedgerEntryKind.OneOffPayment => LedgerEntry.OneOffPayment(date.Value, amount!.Value, by, input.Narrative!, input.Reason),
            LedgerEntryKind.Adjustment => LedgerEntry.Adjustment(date.Value, amount!.Value, by, input.Narrative!, input.Reason),
            _ => LedgerEntry.Anomaly(date.Value, by, input.Narrative!, input.Reason),
        };

        // Safeguards: below zero, or beyond the tolerance, needs a reason (the poster sees why first).
        var warnings = IsfLedger.Warnings(terms, ledger.Entries, entry, reader.Today(), LedgerReader.TolerancePercent);
        if (warnings.Count > 0 && entry.Reason is null)
        {
            return UseCaseResult<Posted>.Invalid(nameof(Input.Reason),
                $"{string.Join(" ", warnings)} Check the amount; if it is right, say why in the reason and post again. The practitioner and {ledger.Person.Name} will be told.");
        }

        db.LedgerEntries.Add(entry);
        db.Entry(entry).Property(LedgerConfiguration.AgreementId).CurrentValue = input.AgreementId;
        db.Entry(entry).Property(LedgerConfiguration.PostedAt).CurrentValue = clock.GetUtcNow();
        await alerts.RaiseAsync(ledger, entry, warnings, isReversal: false, ct);
        await RaiseReviewTaskAsync(ledger, terms, entry, ct);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Posted>.Done(new(entry, warnings));
    }

    /// <summary>A plain number (see <see cref="FormInput.TryParseNumber"/>); null, with a message showing the expected form, otherwise.</summary>
    private static decimal? Number(List<FieldError> errors, string field, string what, string? typed, string example)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null; // missing: the ledger's own rules say what is needed
        if (FormInput.TryParseNumber(typed, out var value)) return value;
        errors.Add(new(field, FormInput.NumberProblem(what, typed, example)));
        return null;
    }

    /// <summary>A recurring over- or under-spend gives the practitioners a task, once; doing it starts the agreement's review.</summary>
    private async Task RaiseReviewTaskAsync(LedgerReader.Ledger ledger, LedgerTerms terms, LedgerEntry entry, CancellationToken ct)
    {
        var statement = IsfLedger.Statement(terms, ledger.Entries.Append(entry), reader.Today());
        var signal = IsfLedger.ReviewSignals(statement, LedgerReader.TolerancePercent, LedgerReader.ConsecutivePeriods).LastOrDefault();
        if (signal is null) return;
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == ledger.Agreement.WorkflowInstanceId, ct);
        if (instance.State != "active") return; // already under review or being varied
        if (await db.WorkItems.AnyAsync(w => w.InstanceId == instance.Id && w.ClosedAt == null && w.Trigger == "review-due" && w.Title.StartsWith("Review spending"), ct)) return;
        var now = clock.GetUtcNow();
        db.WorkItems.Add(new WorkItem
        {
            InstanceId = instance.Id, Title = $"Review spending with {ledger.Person.Name}: {signal.Reason}. {signal.Question}", Role = Roles.Practitioner,
            AuthorityId = ledger.Agreement.AuthorityId, State = instance.State, Trigger = "review-due", CreatedAt = now, DueAt = now.AddDays(14),
        });
    }
}
