namespace CommissioningPortal.Web.Features.Account;

/// <summary>E-mails a password reset link (to the configured public address) when the account exists; the same answer when it does not.</summary>
public sealed class RequestPasswordReset(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails)
{
    public sealed record Input(string? Email);

    public async Task<UseCaseResult> HandleAsync(Input input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var email = AccountInput.Email(errors, nameof(Input.Email), input.Email);
        if (email is null) return UseCaseResult.Invalid(errors);
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync(ct);
        }
        return UseCaseResult.Done;
    }
}
