using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// People without a portal account: an agreement offered to them invites them (through the e-mail
/// outbox, in the offer's transaction) to create one, and when they confirm that address their
/// account is linked to the person's record, so they can read and accept the agreement.
/// </summary>
public sealed class AgreementInvitations(PortalDbContext db, Email.IEmailOutbox outbox, PublicLinks links, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>Queues the invitation to join as the person (or their representative) for the agreement being offered.</summary>
    public void Invite(string email, string name, string role, string personName, string practitioner)
    {
        var register = links.To($"/account/register?Email={Uri.EscapeDataString(email)}&AccountType={Uri.EscapeDataString(role)}");
        var as_ = role == Roles.Representative ? $"as {personName}'s representative" : "for your support";
        outbox.Enqueue(new Email.EmailMessage(email, name, "You are invited to read and accept your support agreement",
            $"Hello {name},\n\n{practitioner} has written an Individual Service Fund agreement {as_} and offered it to you in the Commissioning Portal.\n\n" +
            $"To read and accept it, create your account with this e-mail address:\n\n{register}\n\n" +
            "When you have confirmed your e-mail address, the agreement appears under \"My support\".\n\n" +
            "If you would rather sign a printed copy, tell your practitioner.\n\nCommissioning Portal",
            null, "agreement:invitation"));
    }

    /// <summary>Links a newly confirmed account to every record that invited its address, in the role it registered with.</summary>
    public async Task LinkAsync(PortalUser user, CancellationToken ct)
    {
        if (user.Email is not { } email || !user.EmailConfirmed) return;
        var normalized = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow();
        var changed = false;
        if (await users.IsInRoleAsync(user, Roles.SupportedPerson))
        {
            foreach (var person in await db.SupportedPeople.Where(p => p.UserId == null && p.PersonInvitedEmail != null && p.PersonInvitedEmail.ToUpper() == normalized).ToListAsync(ct))
            {
                person.UserId = user.Id;
                changed = true;
            }
        }
        if (await users.IsInRoleAsync(user, Roles.Representative))
        {
            foreach (var person in await db.SupportedPeople.Where(p => p.RepresentativeUserId == null && p.RepresentativeInvitedEmail != null && p.RepresentativeInvitedEmail.ToUpper() == normalized).ToListAsync(ct))
            {
                Link(person, user.Id, now);
                changed = true;
            }
        }
        if (changed) await db.SaveChangesAsync(ct);
    }

    /// <summary>The practitioner named and invited this representative: joining with that address links them, able to sign, recorded.</summary>
    private static void Link(SupportedPerson person, string userId, DateTimeOffset now)
    {
        person.RepresentativeUserId = userId;
        person.RepresentativeMaySign = true;
        person.RepresentativeLinkedBy = "the practitioner's invitation";
        person.RepresentativeLinkedAt = now;
    }
}
