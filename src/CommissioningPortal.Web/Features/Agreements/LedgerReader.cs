using System.Security.Claims;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// An agreement's ISF ledger as someone allowed to see it reads it: the terms from its authorised
/// versions (each date following the version in force on it), the statement so far, review signals, the
/// plain statement, and which kinds of entry they may post (the provider: delivery, purchases, its
/// corrections and anomalies; the authority's staff: money, anomalies and, when the authority holds the
/// budget, corrections).
/// </summary>
public sealed class LedgerReader(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Spending this far from plan …</summary>
    public const decimal TolerancePercent = 15m;

    /// <summary>… for this many periods in a row raises a review task.</summary>
    public const int ConsecutivePeriods = 3;

    public sealed record Ledger(
        IsfAgreement Agreement, SupportedPerson Person, LedgerTerms? Terms, IsfStatement? Statement,
        IReadOnlyList<ReviewSignal> Signals, IReadOnlyList<string> Plain, IReadOnlyList<LedgerEntryKind> MayPost,
        AgreementTerms? InForce, IReadOnlyList<LedgerEntry> Entries)
    {
        /// <summary>Whether the reader may reverse <paramref name="entry"/>: one of the kinds they post, not a reversal, not reversed already.</summary>
        public bool MayReverse(LedgerEntry entry) =>
            MayPost.Contains(entry.Kind) && !entry.IsReversal && !Entries.Any(e => e.ReversesId == entry.Id);
    }

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The ledger's view of an authorised version: its start, budget and schedule, and the day it came into force.</summary>
    public static AgreedVersion Agreed(int number, AgreementTerms terms, DateTimeOffset authorisedAt) =>
        new(number, terms.StartDate, DateOnly.FromDateTime(authorisedAt.UtcDateTime), terms.WeeklyBudget, LedgerSchedule.For(terms));

    /// <summary>Null when there is no such agreement or <paramref name="user"/> may not see it.</summary>
    public async Task<Ledger?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return null;
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        if (!AgreementAccess.MaySee(user, agreement, person)) return null;

        var authorised = (await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.AuthorisedAt != null)
                .Select(v => new { v.TermsJson, v.AuthorisedAt, v.Number }).ToListAsync(ct))
            .OrderBy(v => v.Number)
            .Select(v => (v.Number, Terms: AgreementService.Terms(new IsfAgreementVersion { TermsJson = v.TermsJson, OfferedPdf = [], OfferedSha256 = "", CreatedBy = "" }), AuthorisedAt: v.AuthorisedAt!.Value))
            .ToList();
        var inForce = authorised.Count == 0 ? null : authorised[^1].Terms;
        IReadOnlyList<LedgerEntryKind> mayPost = AgreementAccess.IsProviderOf(user, agreement) ? [LedgerEntryKind.Delivery, LedgerEntryKind.Purchase, LedgerEntryKind.Correction, LedgerEntryKind.Anomaly]
            : AgreementAccess.IsStaffOf(user, agreement)
                ? inForce?.BudgetHolderKind == BudgetHolderKind.Authority
                    ? [LedgerEntryKind.TopUp, LedgerEntryKind.OneOffPayment, LedgerEntryKind.Adjustment, LedgerEntryKind.Correction, LedgerEntryKind.Anomaly]
                    : [LedgerEntryKind.TopUp, LedgerEntryKind.OneOffPayment, LedgerEntryKind.Adjustment, LedgerEntryKind.Anomaly]
            : [];
        if (authorised.Count == 0) return new Ledger(agreement, person, null, null, [], [], mayPost, null, []);

        var agreed = authorised.Select(v => Agreed(v.Number, v.Terms, v.AuthorisedAt)).ToList();
        // The carry-over rule is a term of the agreement: the version in force says it.
        var carryOver = inForce!.CarryOverRule();
        var terms = LedgerTerms.FromVersions(agreed, null, carryOver);
        var entries = await EntriesAsync(id, ct);
        if (agreement.EndsOn is { } endsOn)
        {
            // Notice given: the ledger stops on the last day (never before its start, nor before an entry already posted).
            var last = entries.Select(e => e.Date).Append(endsOn).Append(terms.StartDate).Max();
            terms = LedgerTerms.FromVersions(agreed, last, carryOver);
        }
        var asOf = Today() < terms.StartDate ? terms.StartDate : Today();
        var statement = IsfLedger.Statement(terms, entries, asOf);
        return new Ledger(agreement, person, terms, statement, IsfLedger.ReviewSignals(statement, TolerancePercent, ConsecutivePeriods),
            IsfLedger.PlainStatement(statement), mayPost, inForce, entries);
    }

    /// <summary>The agreement's entries, oldest first, in the order they were posted within a day.</summary>
    public async Task<List<LedgerEntry>> EntriesAsync(Guid agreementId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => EF.Property<Guid>(e, Data.Configurations.LedgerEntryConfiguration.AgreementId) == agreementId)
            .OrderBy(e => e.Date).ThenBy(e => EF.Property<DateTimeOffset>(e, Data.Configurations.LedgerEntryConfiguration.PostedAt)).ToListAsync(ct);
}
