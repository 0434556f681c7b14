using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// A signed-in colleague accepts an invitation sent to their e-mail address: their account joins the
/// provider (with the provider-user role) and the invitation is used up, in one transaction. The
/// caller refreshes the sign-in so the provider claim appears.
/// </summary>
public sealed class AcceptInvitation(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public sealed record Input(string Token);

    /// <summary>An invitation the user may accept, with its provider's name; or why not.</summary>
    public sealed record Check(ProviderInvitation? Invitation, PortalUser? User, string? ProviderName, string? Problem);

    /// <summary>Done: the user, now of the provider, and the provider's name.</summary>
    public async Task<UseCaseResult<(PortalUser User, string ProviderName)>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var check = await CheckAsync(input.Token, actor, ct);
        if (check is not { Invitation: { } invitation, User: { } user, Problem: null })
        {
            return UseCaseResult<(PortalUser, string)>.Invalid(FieldError.Form, check.Problem!);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        invitation.Accept(user.Id, clock.GetUtcNow());
        user.ProviderId = invitation.ProviderId;
        await db.SaveChangesAsync(ct);
        if (!await users.IsInRoleAsync(user, Roles.ProviderUser)) await users.AddToRoleAsync(user, Roles.ProviderUser);
        await transaction.CommitAsync(ct);
        return UseCaseResult<(PortalUser, string)>.Done((user, check.ProviderName!));
    }

    /// <summary>Whether the link's invitation is open and meant for this user (also what the page shows before they accept).</summary>
    public async Task<Check> CheckAsync(string token, Actor actor, CancellationToken ct)
    {
        var hash = InviteColleague.HashOf(token);
        var invitation = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var user = actor.UserId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        if (invitation is null || user is null || !invitation.IsOpenAt(clock.GetUtcNow()))
        {
            return new Check(null, null, null, "This invitation link is not right, has been used, or has expired. Ask your colleague to send a new one.");
        }
        var providerName = await db.Providers.Where(p => p.Id == invitation.ProviderId).Select(p => p.Name).FirstAsync(ct);
        if (!string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Check(null, null, providerName, $"This invitation was sent to {invitation.Email}. Sign in with that e-mail address to accept it.");
        }
        if (user.ProviderId is { } current && current != invitation.ProviderId)
        {
            return new Check(null, null, providerName, "Your account already belongs to another provider. Ask the portal's administrators to move it.");
        }
        return new Check(invitation, user, providerName, null);
    }
}
