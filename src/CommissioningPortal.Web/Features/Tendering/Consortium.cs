using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// Consortium responses (issue 15 part 4): the lead of a response invites other providers, who are e-mailed and each
/// confirm for themselves; the lead cannot submit until every member it names has confirmed (<see cref="SaveResponse"/>).
/// </summary>
public sealed class ConsortiumInvitations(PortalDbContext db, ResponseForms forms, IEmailOutbox outbox, PublicLinks links, TimeProvider clock)
{
    public async Task<UseCaseResult<ConsortiumMember>> InviteAsync(Guid opportunityId, string? memberProviderId, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<ConsortiumMember>.NotFound();
        var form = await forms.LoadAsync(opportunityId, providerId, ct);
        if (form is null) return UseCaseResult<ConsortiumMember>.NotFound();
        if (!Guid.TryParse(memberProviderId, out var memberId) || await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == memberId && p.ClosedAt == null, ct) is not { } member)
            return UseCaseResult<ConsortiumMember>.Invalid("MemberProviderId", "Choose the provider to invite from the list.");
        var now = clock.GetUtcNow();
        var response = await db.TenderResponses.FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.ProviderId == providerId, ct);
        ConsortiumMember invitation;
        try
        {
            if (response is null)
            {
                response = TenderResponse.Start(opportunityId, providerId, form.ShortForm, now, form.Opportunity.SubmissionDeadline);
                db.TenderResponses.Add(response);
            }
            var already = await db.ConsortiumMembers.Where(m => m.ResponseId == response.Id).Select(m => m.ProviderId).ToListAsync(ct);
            invitation = ConsortiumMember.Invite(response, memberId, already, now, form.Opportunity.SubmissionDeadline, actor.Name);
        }
        catch (TenderingRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<ConsortiumMember>.Invalid(e.Field ?? "MemberProviderId", e.Message);
        }
        db.ConsortiumMembers.Add(invitation);
        var users = await db.Users.AsNoTracking().Where(u => u.ProviderId == memberId && u.Email != null).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        foreach (var user in users)
        {
            outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, $"You are invited into a consortium: {form.Opportunity.Title}",
                $"""
                {form.Provider.Name} invites {member.Name} to respond with them, as a consortium, to "{form.Opportunity.Title}".

                If you agree, confirm before the deadline ({TenderingPages.When(form.Opportunity.SubmissionDeadline)}): {links.To($"/tenders/{opportunityId}/consortium")}
                """, null, "tender-consortium-invitation"));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<ConsortiumMember>.Conflict("Your response was changed somewhere else at the same moment. Reload the page and try again.");
        }
        return UseCaseResult<ConsortiumMember>.Done(invitation);
    }

    public async Task<UseCaseResult<ConsortiumMember>> ConfirmAsync(Guid opportunityId, Guid invitationId, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<ConsortiumMember>.NotFound();
        var invitation = await db.ConsortiumMembers.FirstOrDefaultAsync(m => m.Id == invitationId && m.OpportunityId == opportunityId && m.ProviderId == providerId, ct);
        var opportunity = await db.OpenOpportunityAsync(opportunityId, ct);
        if (invitation is null || opportunity is null) return UseCaseResult<ConsortiumMember>.NotFound();
        try
        {
            invitation.Confirm(clock.GetUtcNow(), opportunity.SubmissionDeadline, actor.Name);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<ConsortiumMember>.Invalid(FieldError.Form, e.Message);
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ConsortiumMember>.Done(invitation);
    }
}
