using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>The e-mails tendering sends, queued in the outbox with the change that causes them (ADR 0003).</summary>
public sealed class TenderingNotices(PortalDbContext db, IEmailOutbox outbox, PublicLinks links)
{
    /// <summary>The receipt for a submission: the time and the SHA-256 of exactly what was sent.</summary>
    public async Task ReceiptAsync(Opportunity opportunity, TenderResponse response, Actor actor, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is not { } email) return;
        var text = $"""
            We have received your response to "{opportunity.Title}".

            Received: {TenderingPages.When(response.SubmittedAt)}
            SHA-256 of your submission: {response.ReceiptSha256}

            Keep this e-mail. The SHA-256 is a fingerprint of exactly what you sent: if anyone ever asks what you submitted and when, it proves it.

            Your response stays sealed: nobody at the authority can read it until after the deadline ({TenderingPages.When(opportunity.SubmissionDeadline)}).
            You can still withdraw it, change it and submit it again before then: {links.To($"/tenders/{opportunity.Id}/respond")}
            """;
        outbox.Enqueue(new EmailMessage(email, user.DisplayName, $"Receipt: your response to {opportunity.Title}", text, null, "tender-receipt"));
    }

    /// <summary>
    /// A new answer: when it is for all (the asker not named), to everyone following the opportunity and to the users of
    /// every provider who asked a question or is drafting a response; when it is private, only to the provider who asked.
    /// Each address gets it once.
    /// </summary>
    public async Task AnswerAsync(Opportunity opportunity, Clarification clarification, CancellationToken ct)
    {
        List<Guid> providers;
        List<string> followers = [];
        if (clarification.Visibility == ClarificationVisibility.Private)
        {
            providers = [clarification.ProviderId];
        }
        else
        {
            var askers = await db.Clarifications.Where(c => c.OpportunityId == opportunity.Id).Select(c => c.ProviderId).ToListAsync(ct);
            var drafting = await db.TenderResponses.Where(r => r.OpportunityId == opportunity.Id).Select(r => r.ProviderId).ToListAsync(ct);
            providers = askers.Concat(drafting).Distinct().ToList();
            followers = await db.OpportunityFollows.Where(f => f.OpportunityId == opportunity.Id).Select(f => f.UserId).ToListAsync(ct);
        }
        var users = (await db.Users.AsNoTracking()
                .Where(u => u.Email != null && ((u.ProviderId != null && providers.Contains(u.ProviderId.Value)) || followers.Contains(u.Id)))
                .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct))
            .DistinctBy(u => u.Email!.ToUpperInvariant()).ToList();
        var page = links.To($"/opportunities/{opportunity.Id}");
        var text = clarification.Visibility == ClarificationVisibility.Private
            ? $"""
              Your question about "{opportunity.Title}" has been answered. This answer is for you only.

              Your question: {clarification.Question}

              Answer: {clarification.Answer}

              {links.To($"/tenders/{opportunity.Id}/questions")}
              """
            : $"""
              A question about "{opportunity.Title}" has been answered for everyone. Who asked it is not shared.

              Question: {clarification.PublishedQuestion}

              Answer: {clarification.Answer}

              All questions and answers: {page}
              """;
        foreach (var user in users)
            outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, $"New answer: {opportunity.Title}", text, null, "tender-clarification"));
    }
}
