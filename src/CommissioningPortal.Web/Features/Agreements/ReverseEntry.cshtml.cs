using CommissioningPortal.Domain.Agreements;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>Reverse one ledger entry with a reason (see <see cref="ReverseLedgerEntry"/>): the entry stays, the reversal is posted beside it.</summary>
[Authorize]
[OneTimeForm]
public sealed class ReverseEntryModel(LedgerReader reader, ReverseLedgerEntry reverse) : PageModel
{
    public IsfAgreement Agreement { get; private set; } = null!;
    public LedgerEntry Entry { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid entryId, CancellationToken ct) => await LoadAsync(id, entryId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        if (!await LoadAsync(id, entryId, ct)) return NotFound();
        var result = await reverse.HandleAsync(new(id, entryId, Reason), User, ct);
        if (result.Succeeded)
        {
            var warnings = result.Value!.Warnings;
            TempData["StatusMessage"] = warnings.Count == 0
                ? $"Reversed: {Entry.Narrative}. Both entries stay on the statement."
                : $"Reversed: {Entry.Narrative}. {string.Join(" ", warnings)} The practitioner and the person have been told.";
            return Redirect($"/agreements/{id}/ledger#entry-{result.Value.Entry.Id}");
        }
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, User, ct) is not { Terms: not null } ledger) return false;
        if (ledger.Entries.FirstOrDefault(e => e.Id == entryId) is not { } entry || !ledger.MayPost.Contains(entry.Kind) || entry.IsReversal) return false;
        (Agreement, Entry) = (ledger.Agreement, entry);
        return true;
    }
}
