namespace CommissioningPortal.Web.Features.Account;

/// <summary>Sends the confirmation link again to an account not yet confirmed; the same answer for any address.</summary>
public sealed class ResendConfirmationEmail(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails)
{
    public sealed record Input(string? Email);

    public async Task<UseCaseResult> HandleAsync(Input input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var email = AccountInput.Email(errors, nameof(Input.Email), input.Email);
        if (email is null) return UseCaseResult.Invalid(errors);
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await emails.QueueConfirmationAsync(user);
            await db.SaveChangesAsync(ct);
        }
        return UseCaseResult.Done;
    }
}
