namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// An organisation's user withdraws an invitation not yet accepted: its link stops working. One
/// already accepted is left as it is, and the answer says so.
/// </summary>
public sealed class WithdrawInvitation(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid InvitationId);

    /// <summary>Done: what to tell the person.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var invitation = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.Id == input.InvitationId && i.ProviderId == actor.ProviderId, ct);
        if (invitation is null) return UseCaseResult<string>.NotFound();
        if (invitation.AcceptedAt is not null) return UseCaseResult<string>.Done(AlreadyJoined(invitation.Email));
        invitation.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<string>.Done($"Invitation to {invitation.Email} withdrawn: its link no longer works.");
    }

    internal static string AlreadyJoined(string email) => $"{email} has already joined, so the invitation was left as it is.";
}
