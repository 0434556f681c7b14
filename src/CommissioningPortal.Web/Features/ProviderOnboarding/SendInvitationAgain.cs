namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// An organisation's user sends an invitation again: a new link, valid 14 days from now, to the same
/// address; the old link stops working, in the same save.
/// </summary>
public sealed class SendInvitationAgain(PortalDbContext db, InviteColleague invite, TimeProvider clock)
{
    public sealed record Input(Guid InvitationId);

    /// <summary>Done: what to tell the person.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await invite.InvitingProviderAsync(actor, ct) is not { } provider) return UseCaseResult<string>.NotFound();
        var invitation = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.Id == input.InvitationId && i.ProviderId == provider.Id, ct);
        if (invitation is null) return UseCaseResult<string>.NotFound();
        if (invitation.AcceptedAt is not null) return UseCaseResult<string>.Done(WithdrawInvitation.AlreadyJoined(invitation.Email));
        invitation.Withdraw(clock.GetUtcNow());
        invite.Invite(provider, invitation.Email, actor);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<string>.Done($"A new invitation was sent to {invitation.Email}. The earlier link no longer works.");
    }
}
