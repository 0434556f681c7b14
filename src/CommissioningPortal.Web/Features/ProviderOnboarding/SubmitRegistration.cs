using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// A provider user submits their finished registration: the provider and its (unverified) passport
/// items are made from the draft (<see cref="ProviderRegistration.Submit"/>), the provider's
/// verification computed and the user linked to it, in one transaction. The caller refreshes the
/// sign-in so the new provider claim appears.
/// </summary>
public sealed class SubmitRegistration(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Done: the user, now linked to the new provider.</summary>
    public async Task<UseCaseResult<PortalUser>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return UseCaseResult<PortalUser>.NotFound();
        var draft = await SaveRegistrationStep.DraftOfAsync(db, userId, ct);
        if (draft is null || !draft.CanOpen(RegistrationStep.Check)) return UseCaseResult<PortalUser>.NotFound();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        if (user.ProviderId is not null) return UseCaseResult<PortalUser>.Conflict("Your account already belongs to a provider.");
        var (provider, items) = draft.Submit(now);
        db.Providers.Add(provider);
        db.PassportItems.AddRange(items);
        ProviderVerification.Refresh(provider, items, DateOnly.FromDateTime(now.UtcDateTime));
        user.ProviderId = provider.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<PortalUser>.Conflict("Your registration was submitted from another window at the same moment.");
        }
        await transaction.CommitAsync(ct);
        return UseCaseResult<PortalUser>.Done(user);
    }
}
