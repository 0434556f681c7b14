using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Creates an account (supported person, representative or provider user) and e-mails a link to
/// confirm the address. An address that already has an account gets an e-mail saying so instead, and
/// the answer is the same either way, so the form cannot be used to find out who is registered.
/// </summary>
public sealed class RegisterAccount(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, TimeProvider clock)
{
    public sealed record Input(string? AccountType, string? DisplayName, string? Email, string? Password, string? ConfirmPassword);

    public static readonly IReadOnlyList<(string Value, string Text)> AccountTypes =
    [
        (Roles.SupportedPerson, "I need support for myself"),
        (Roles.Representative, "I represent someone who needs support (family, guardian or attorney)"),
        (Roles.ProviderUser, "I provide support or services (an organisation, micro-provider or Personal Assistant)"),
    ];

    public async Task<UseCaseResult> HandleAsync(Input input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (AccountTypes.All(t => t.Value != input.AccountType)) errors.Add(new(nameof(Input.AccountType), "Choose who you are"));
        var name = AccountInput.Name(errors, nameof(Input.DisplayName), input.DisplayName);
        var email = AccountInput.Email(errors, nameof(Input.Email), input.Email);
        AccountInput.NewPassword(errors, nameof(Input.Password), nameof(Input.ConfirmPassword), input.Password, input.ConfirmPassword);
        if (errors.Count > 0 || name is null || email is null) return UseCaseResult.Invalid(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.FindByEmailAsync(email) is not null)
        {
            // Don't reveal that the address is registered; tell its owner instead.
            emails.QueueAlreadyRegistered(email);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return UseCaseResult.Done;
        }

        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return UseCaseResult.Invalid(created.Errors.Select(e =>
                new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email), e.Description)).ToList());
        }
        await users.AddToRoleAsync(user, input.AccountType!);
        await emails.QueueConfirmationAsync(user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult.Done;
    }
}
