using System.Security.Cryptography;
using System.Text;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// An organisation's user invites a colleague by e-mail: a link valid for 14 days, e-mailed through
/// the outbox in the same save. Only organisations have colleagues
/// (<see cref="ProviderInvitation.CanInvite"/>); an address already using the account is refused.
/// </summary>
public sealed class InviteColleague(PortalDbContext db, IEmailOutbox outbox, TimeProvider clock, PublicLinks links)
{
    public sealed record Input(string? Email);

    /// <summary>Done: the address invited.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await InvitingProviderAsync(actor, ct) is not { } provider) return UseCaseResult<string>.NotFound();
        var email = input.Email?.Trim();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(email)) errors.Add(nameof(Input.Email), "Enter your colleague's e-mail address");
        else if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256) errors.Add(nameof(Input.Email), Messages.EmailFormat);
        else if (await db.Users.AnyAsync(u => u.ProviderId == provider.Id && u.NormalizedEmail == email.ToUpperInvariant(), ct))
        {
            errors.Add(nameof(Input.Email), $"{email} already uses this account");
        }
        if (errors.Any) return errors.Invalid<string>();
        Invite(provider, email!, actor);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<string>.Done(email!);
    }

    /// <summary>The actor's provider, when it is one that may have colleagues.</summary>
    internal async Task<Provider?> InvitingProviderAsync(Actor actor, CancellationToken ct) =>
        await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == actor.ProviderId, ct) is { } provider && ProviderInvitation.CanInvite(provider.Kind) ? provider : null;

    /// <summary>Adds an invitation and queues its e-mail, both saved by the caller's SaveChanges.</summary>
    internal void Invite(Provider provider, string email, Actor actor)
    {
        var now = clock.GetUtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ProviderInvitations.Add(new ProviderInvitation
        {
            ProviderId = provider.Id, Email = email, TokenHash = HashOf(token), InvitedByUserId = actor.UserId,
            CreatedAt = now, ExpiresAt = now + ProviderInvitation.ValidFor,
        });
        var link = links.To($"/provider/join/{token}");
        outbox.Enqueue(new EmailMessage(email, null, $"Join {provider.Name} on the Commissioning Portal",
            $"Hello,\n\n{actor.Name} has invited you to join {provider.Name} on the Commissioning Portal.\n\n" +
            $"Open this link to join (it works for 14 days):\n\n{link}\n\n" +
            $"If you do not have an account yet, create one first at {links.To("/account/register")} with this e-mail address ({email}), confirm it, then open the link again.\n\n" +
            "If you were not expecting this, you can ignore this e-mail.\n\nCommissioning Portal",
            null, "provider-invitation"));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
