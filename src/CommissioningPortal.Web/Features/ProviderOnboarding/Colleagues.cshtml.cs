using System.Security.Cryptography;
using System.Text;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/colleagues</c>: an organisation's users, and invitations for colleagues to join by e-mail.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class ColleaguesModel(PortalDbContext db, IEmailOutbox outbox, UserManager<PortalUser> users, TimeProvider clock, PublicLinks links) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public Provider Provider { get; private set; } = null!;
    public List<(string Name, string Email)> Members { get; private set; } = [];
    public List<ProviderInvitation> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [OneTimeForm]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ProviderInvitation.CanInvite(Provider.Kind)) return NotFound();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email)) ModelState.AddModelError(nameof(Email), "Enter your colleague's e-mail address");
        else if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256) ModelState.AddModelError(nameof(Email), Messages.EmailFormat);
        else if (Members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase))) ModelState.AddModelError(nameof(Email), $"{email} already uses this account");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Invite(email!);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Invitation sent to {email}.";
        return Redirect("/provider/colleagues");
    }

    /// <summary>Withdraws an invitation not yet accepted: its link stops working.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid invitation, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var found = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.Id == invitation && i.ProviderId == Provider.Id, ct);
        if (found is null) return NotFound();
        if (found.AcceptedAt is not null) return AlreadyJoined(found);
        found.Withdraw(Now);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Invitation to {found.Email} withdrawn: its link no longer works.";
        return Redirect("/provider/colleagues");
    }

    /// <summary>Sends a new invitation (a new link, 14 days again) to the same address; the old link stops working.</summary>
    public async Task<IActionResult> OnPostSendAgainAsync(Guid invitation, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ProviderInvitation.CanInvite(Provider.Kind)) return NotFound();
        var found = await db.ProviderInvitations.FirstOrDefaultAsync(i => i.Id == invitation && i.ProviderId == Provider.Id, ct);
        if (found is null) return NotFound();
        if (found.AcceptedAt is not null) return AlreadyJoined(found);
        found.Withdraw(Now);
        Invite(found.Email);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"A new invitation was sent to {found.Email}. The earlier link no longer works.";
        return Redirect("/provider/colleagues");
    }

    private RedirectResult AlreadyJoined(ProviderInvitation invitation)
    {
        TempData["StatusMessage"] = $"{invitation.Email} has already joined, so the invitation was left as it is.";
        return Redirect("/provider/colleagues");
    }

    /// <summary>Adds an invitation and queues its e-mail, both saved by the caller's SaveChanges.</summary>
    private void Invite(string email)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ProviderInvitations.Add(new ProviderInvitation
        {
            ProviderId = Provider.Id, Email = email, TokenHash = HashOf(token), InvitedByUserId = users.GetUserId(User),
            CreatedAt = Now, ExpiresAt = Now + ProviderInvitation.ValidFor,
        });
        var link = links.To($"/provider/join/{token}");
        outbox.Enqueue(new EmailMessage(email, null, $"Join {Provider.Name} on the Commissioning Portal",
            $"Hello,\n\n{User.DisplayNameOf()} has invited you to join {Provider.Name} on the Commissioning Portal.\n\n" +
            $"Open this link to join (it works for 14 days):\n\n{link}\n\n" +
            $"If you do not have an account yet, create one first at {links.To("/account/register")} with this e-mail address ({email}), confirm it, then open the link again.\n\n" +
            "If you were not expecting this, you can ignore this e-mail.\n\nCommissioning Portal",
            null, "provider-invitation"));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = User.ProviderIdOf();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return false;
        Provider = provider;
        Now = clock.GetUtcNow();
        Members = (await db.Users.AsNoTracking().Where(u => u.ProviderId == id).OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.Email }).ToListAsync(ct)).Select(u => (u.DisplayName, u.Email ?? "")).ToList();
        Invitations = (await db.ProviderInvitations.AsNoTracking().Where(i => i.ProviderId == id).ToListAsync(ct))
            .OrderByDescending(i => i.CreatedAt).ToList();
        return true;
    }
}
