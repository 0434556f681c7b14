using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// Tells the practitioner and the person about a ledger entry that took the balance below zero or spending
/// beyond the tolerance (<see cref="IsfLedger.Warnings"/>): an e-mail to the agreement's practitioner (or,
/// when no account has that name, every practitioner of the authority), to the person and to their
/// representative; and, while the agreement is active, a task in the practitioners' inbox. Added to the
/// caller's unit of work: saved with the entry, or not at all.
/// </summary>
public sealed class LedgerAlerts(PortalDbContext db, Email.IEmailOutbox outbox, PublicLinks links, TimeProvider clock, IWorkflowRoleDirectory roles)
{
    public const string EmailKind = "ledger:warning";
    private const string TaskTitlePrefix = "Check the ISF ledger with ";

    public async Task RaiseAsync(LedgerReader.Ledger ledger, LedgerEntry entry, IReadOnlyList<string> warnings, bool isReversal, CancellationToken ct)
    {
        if (warnings.Count == 0) return;
        var agreement = ledger.Agreement;
        var person = ledger.Person;

        var practitioners = await roles.HoldersAsync(Roles.Practitioner, agreement.AuthorityId, ct);
        var allocated = ledger.InForce?.Practitioner ?? agreement.CreatedBy;
        var named = practitioners.Where(u => string.Equals(u.Name, allocated, StringComparison.OrdinalIgnoreCase)).ToList();
        var personIds = new[] { person.UserId, person.RepresentativeUserId }.OfType<string>().ToList();
        var people = await db.Users.Where(u => personIds.Contains(u.Id) && u.Email != null)
            .Select(u => new WorkflowRecipient(u.Id, u.Email!, u.DisplayName)).ToListAsync(ct);

        var what = isReversal
            ? $"reversed the {Kind(entry.Kind)} \"{entry.Narrative}\" dated {AgreementTerms.Date(entry.Date)}"
            : $"posted the {Kind(entry.Kind)} \"{entry.Narrative}\" dated {AgreementTerms.Date(entry.Date)}, {AgreementTerms.Money(Math.Abs(entry.BalanceChange))}";
        var link = links.To($"/agreements/{agreement.Id}/ledger");
        foreach (var to in (named.Count > 0 ? named : practitioners).Concat(people).DistinctBy(u => u.UserId))
        {
            outbox.Enqueue(new Email.EmailMessage(to.Email, to.Name, $"ISF ledger {agreement.Reference}: an entry to check",
                $"Hello {to.Name},\n\n{entry.PostedBy} {what}, on the Individual Service Fund ledger for {person.Name} ({agreement.Reference}).\n\n" +
                $"{string.Join("\n", warnings)}\n\nThe reason they gave: {entry.Reason}\n\n{link}\n\nCommissioning Portal",
                null, EmailKind));
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == agreement.WorkflowInstanceId, ct);
        if (instance?.State != "active") return; // under review or being varied: the e-mail says it; the review task already exists or will
        var title = $"{TaskTitlePrefix}{person.Name}";
        if (await db.WorkItems.AnyAsync(w => w.InstanceId == instance.Id && w.ClosedAt == null && w.Title.StartsWith(TaskTitlePrefix), ct)) return;
        var now = clock.GetUtcNow();
        db.WorkItems.Add(new WorkItem
        {
            InstanceId = instance.Id, Title = Shorten($"{title}: {warnings[0]}", 300), Role = Roles.Practitioner, AuthorityId = agreement.AuthorityId,
            State = instance.State, Trigger = "review-due", CreatedAt = now, DueAt = now.AddDays(7),
        });
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Kind(LedgerEntryKind kind) => IsfLedger.Describe(kind);
}
