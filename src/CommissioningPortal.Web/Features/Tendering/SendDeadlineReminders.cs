using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// Reminds providers with an unsubmitted draft (never submitted, or withdrawn) 7 days and 1 day before an open
/// opportunity's submission deadline (<see cref="DeadlineReminders"/> says which is due). Each reminder is claimed with
/// a conditional update of its "reminded at" column in the same transaction as its e-mail in the outbox, so with two
/// app instances running this at once each reminder still goes exactly once, and never without its e-mail.
/// </summary>
public sealed class SendDeadlineReminders(PortalDbContext db, IEmailOutbox outbox, PublicLinks links) : IScheduledWork
{
    public const string Kind = "tender-reminder";

    /// <summary>Sends what is due at <paramref name="now"/>; returns how many responses were reminded.</summary>
    public async Task<int> HandleAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now + DeadlineReminders.Horizon;
        var candidates = await db.TenderResponses.AsNoTracking()
            .Where(r => r.Status != ResponseStatus.Submitted && (r.RemindedWeekBeforeAt == null || r.RemindedDayBeforeAt == null))
            .Join(db.Opportunities.Where(o => o.Status == OpportunityStatus.Published && o.SubmissionDeadline > now && o.SubmissionDeadline <= horizon),
                r => r.OpportunityId, o => o.Id, (r, o) => new { Response = r, o.Id, o.Title, o.SubmissionDeadline })
            .ToListAsync(ct);
        // Every provider's recipients in one query, not one query per reminder.
        var providerIds = candidates.Select(c => c.Response.ProviderId).Distinct().ToList();
        var recipients = (await db.Users.AsNoTracking().Where(u => u.ProviderId != null && providerIds.Contains(u.ProviderId.Value) && u.Email != null && u.EmailConfirmed)
            .Select(u => new { ProviderId = u.ProviderId!.Value, u.Email, u.DisplayName }).ToListAsync(ct)).ToLookup(u => u.ProviderId);
        var reminded = 0;
        foreach (var c in candidates)
        {
            if (DeadlineReminders.Due(c.Response, c.SubmissionDeadline, now) is not { } stage) continue;
            var id = c.Response.Id;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = stage == ReminderStage.WeekBefore
                ? await db.TenderResponses.Where(r => r.Id == id && r.Status != ResponseStatus.Submitted && r.RemindedWeekBeforeAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedWeekBeforeAt, now), ct)
                : await db.TenderResponses.Where(r => r.Id == id && r.Status != ResponseStatus.Submitted && r.RemindedDayBeforeAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedDayBeforeAt, now), ct);
            if (claimed == 0) continue; // another instance reminded it, or it was submitted meanwhile
            var deadline = c.SubmissionDeadline!.Value;
            var left = TenderingPages.ClosesIn(deadline, now);
            foreach (var user in recipients[c.Response.ProviderId])
            {
                outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, $"Reminder: your response to {c.Title} is not submitted ({left})",
                    $"""
                    Hello {user.DisplayName},

                    Your response to "{c.Title}" is saved as a draft but has not been submitted. Only a submitted response counts.

                    The deadline is {UkTime.Words(deadline)} (UK time): it {left}. After it the portal cannot accept a submission.

                    Carry on with your response and submit it: {links.To($"/tenders/{c.Id}/respond")}
                    All your responses: {links.To("/tenders/mine")}
                    """, null, Kind));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            reminded++;
        }
        return reminded;
    }
}
