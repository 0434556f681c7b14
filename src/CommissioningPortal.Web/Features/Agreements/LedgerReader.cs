using System.Security.Claims;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// An agreement's ISF ledger as someone allowed to see it reads it: the terms from its authorised
/// versions, the statement so far, review signals, the plain statement, and which kinds of entry they
/// may post (the provider: delivery, purchases, anomalies; the authority's staff: money and anomalies).
/// </summary>
public sealed class LedgerReader(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Spending this far from plan …</summary>
    public const decimal TolerancePercent = 15m;

    /// <summary>… for this many periods in a row raises a review task.</summary>
    public const int ConsecutivePeriods = 3;

    /// <summary>Unspent money carried forward up to four weeks' budget; the rest goes back at period end.</summary>
    public static readonly CarryOverRule CarryOver = CarryOverRule.UpToWeeksOfBudget(4);

    public sealed record Ledger(
        IsfAgreement Agreement, SupportedPerson Person, LedgerTerms? Terms, IsfStatement? Statement,
        IReadOnlyList<ReviewSignal> Signals, IReadOnlyList<string> Plain, IReadOnlyList<LedgerEntryKind> MayPost);

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Null when there is no such agreement or <paramref name="user"/> may not see it.</summary>
    public async Task<Ledger?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return null;
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(user, agreement, person)) return null;
        IReadOnlyList<LedgerEntryKind> mayPost = AgreementAccess.IsProviderOf(user, agreement) ? [LedgerEntryKind.Delivery, LedgerEntryKind.Purchase, LedgerEntryKind.Anomaly]
            : AgreementAccess.IsStaffOf(user, agreement) ? [LedgerEntryKind.TopUp, LedgerEntryKind.OneOffPayment, LedgerEntryKind.Adjustment, LedgerEntryKind.Anomaly]
            : [];

        // The ledger runs from the first authorised version; later authorised versions change the budget from the day they were authorised.
        var authorised = (await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.AuthorisedAt != null)
                .Select(v => new { v.TermsJson, v.AuthorisedAt, v.Number }).ToListAsync(ct))
            .OrderBy(v => v.Number).Select(v => (Terms: AgreementService.Terms(new IsfAgreementVersion { TermsJson = v.TermsJson, OfferedPdf = [], OfferedSha256 = "", CreatedBy = "" }), v.AuthorisedAt)).ToList();
        if (authorised.Count == 0) return new Ledger(agreement, person, null, null, [], [], mayPost);
        var first = authorised[0].Terms;
        var changes = authorised.Skip(1)
            .Select(v => new BudgetChange(DateOnly.FromDateTime(v.AuthorisedAt!.Value.UtcDateTime) is var d && d > first.StartDate ? d : first.StartDate.AddDays(1), v.Terms.WeeklyBudget))
            .GroupBy(c => c.EffectiveFrom).Select(g => g.Last()).ToList();
        var terms = new LedgerTerms(first.StartDate, null, LedgerPeriodLength.FourWeekly, first.WeeklyBudget, CarryOver, changes);
        var asOf = Today() < first.StartDate ? first.StartDate : Today();
        var statement = IsfLedger.Statement(terms, await EntriesAsync(id, ct), asOf);
        return new Ledger(agreement, person, terms, statement, IsfLedger.ReviewSignals(statement, TolerancePercent, ConsecutivePeriods), IsfLedger.PlainStatement(statement), mayPost);
    }

    public async Task<List<LedgerEntry>> EntriesAsync(Guid agreementId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => EF.Property<Guid>(e, Data.Configurations.LedgerEntryConfiguration.AgreementId) == agreementId)
            .OrderBy(e => e.Date).ToListAsync(ct);
}
