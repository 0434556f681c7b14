using System.Security.Claims;
using CommissioningPortal.Domain.Agreements;
using LedgerConfiguration = CommissioningPortal.Data.Configurations.LedgerEntryConfiguration;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// Reverses a ledger entry, never deleting it: a second entry undoing the first, linked to it, with the
/// reason; both stay on the statement. Whoever may post an entry's kind may reverse it, once. A reversal
/// that takes the balance below zero tells the practitioner and the person, like any other entry.
/// </summary>
public sealed class ReverseLedgerEntry(PortalDbContext db, LedgerReader reader, LedgerAlerts alerts, TimeProvider clock)
{
    public sealed record Input(Guid AgreementId, Guid EntryId, string? Reason);

    public async Task<UseCaseResult<PostLedgerEntry.Posted>> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var ledger = await reader.ReadAsync(input.AgreementId, actor, ct);
        if (ledger?.Terms is not { } terms) return UseCaseResult<PostLedgerEntry.Posted>.NotFound();
        var original = ledger.Entries.FirstOrDefault(e => e.Id == input.EntryId);
        if (original is null || !ledger.MayPost.Contains(original.Kind) || original.IsReversal) return UseCaseResult<PostLedgerEntry.Posted>.NotFound();
        if (!ledger.MayReverse(original))
        {
            return UseCaseResult<PostLedgerEntry.Posted>.Conflict("This entry has already been reversed: the reversal is on the statement.");
        }

        if (LedgerEntry.ReasonProblem(input.Reason, required: true, LedgerEntry.WhyReversed) is { } problem)
        {
            return UseCaseResult<PostLedgerEntry.Posted>.Invalid(nameof(Input.Reason), problem);
        }

        var reversal = LedgerEntry.Reversal(original, actor.DisplayNameOf(), input.Reason!);
        var warnings = IsfLedger.Warnings(terms, ledger.Entries, reversal, reader.Today(), LedgerReader.TolerancePercent);
        db.LedgerEntries.Add(reversal);
        db.Entry(reversal).Property(LedgerConfiguration.AgreementId).CurrentValue = input.AgreementId;
        db.Entry(reversal).Property(LedgerConfiguration.PostedAt).CurrentValue = clock.GetUtcNow();
        await alerts.RaiseAsync(ledger, reversal, warnings, isReversal: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // someone reversed it a moment ago: the unique index on ReversesId kept it to once
            return UseCaseResult<PostLedgerEntry.Posted>.Conflict("This entry has just been reversed by someone else: the reversal is on the statement.");
        }
        return UseCaseResult<PostLedgerEntry.Posted>.Done(new(reversal, warnings));
    }
}
