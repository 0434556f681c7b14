using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// Anyone, signed in or not, says what is wrong on a provider's public profile, with an address for a
/// reply if they want one. The correction is queued for the provider and e-mailed to its contact
/// address (or failing that its users) in the same save.
/// </summary>
public sealed class SuggestCorrection(PortalDbContext db, IEmailOutbox outbox, TimeProvider clock, PublicLinks links)
{
    public sealed record Input(Guid ProviderId, string? WhatIsWrong, string? ReplyEmail);

    public async Task<UseCaseResult<ProviderCorrection>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProviderId && p.ClosedAt == null, ct);
        if (provider is null) return UseCaseResult<ProviderCorrection>.NotFound();
        var errors = new FieldErrors();
        var text = input.WhatIsWrong?.Trim();
        errors.Check(nameof(Input.WhatIsWrong), ProviderCorrection.WhatIsWrongProblem(text));
        var email = string.IsNullOrWhiteSpace(input.ReplyEmail) ? null : input.ReplyEmail.Trim();
        if (email is not null && (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)))
        {
            errors.Add(nameof(Input.ReplyEmail), "Enter an e-mail address like name@example.com, or leave it empty.");
        }
        if (errors.Any) return errors.Invalid<ProviderCorrection>();

        var correction = new ProviderCorrection { ProviderId = provider.Id, WhatIsWrong = text!, ReplyEmail = email, CreatedAt = clock.GetUtcNow() };
        db.ProviderCorrections.Add(correction);
        IReadOnlyList<string> recipients = !string.IsNullOrWhiteSpace(provider.ContactEmail)
            ? [provider.ContactEmail]
            : await db.Users.Where(u => u.ProviderId == provider.Id && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        foreach (var to in recipients)
        {
            outbox.Enqueue(new EmailMessage(to, provider.Name, $"Someone suggested a correction to your listing: {provider.Name}",
                $"Hello,\n\nSomeone using the provider directory says something is wrong on your listing:\n\n{text}\n\n" +
                (email is null ? "They did not leave an e-mail address for a reply.\n\n" : $"They would like a reply at {email}.\n\n") +
                $"Update your listing if it needs it, then mark the correction resolved:\n{links.To("/provider/corrections")}\n\nCommissioning Portal",
                null, "provider-correction"));
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ProviderCorrection>.Done(correction);
    }
}
