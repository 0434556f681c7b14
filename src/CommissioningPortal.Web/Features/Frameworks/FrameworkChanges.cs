using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// The steps every change to a framework shares: load the actor's framework (another authority's
/// is not found) with its lots and members → make the change through the framework's own method →
/// a broken rule comes back as a message → save, taking the framework's version so two changes at
/// once cannot both be saved from the same copy → tell the directory.
/// </summary>
public sealed class FrameworkChanges(PortalDbContext db, FrameworkDirectory directory, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this framework at the same moment, so nothing was saved. Check it and try again.";

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The actor's authority's framework, tracked, with every lot and member; null when there is none such.</summary>
    public Task<Framework?> LoadAsync(Actor actor, Guid id, CancellationToken ct) =>
        db.Frameworks.Include(f => f.Lots).ThenInclude(l => l.Members).ThenInclude(m => m.Rates).Include(f => f.Rounds).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id && f.AuthorityId == actor.AuthorityId, ct);

    /// <summary>
    /// Makes <paramref name="change"/> on <paramref name="framework"/> and saves it. A rule it breaks
    /// is refused on the field it names (renamed to the form's by <paramref name="fieldOf"/>), or on the form.
    /// </summary>
    public async Task<UseCaseResult<T>> ApplyAsync<T>(Framework framework, Func<Framework, T> change, CancellationToken ct, Func<string, string>? fieldOf = null)
    {
        T value;
        try
        {
            value = change(framework);
        }
        catch (FrameworkRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<T>.Invalid(e.Field is null ? FieldError.Form : fieldOf?.Invoke(e.Field) ?? e.Field, e.Message);
        }
        // Any change to a lot or member is a change to the framework: its version guards them all.
        db.Entry(framework).Property(f => f.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent change won (the version, or the unique lot number or lot member, held).
            db.ChangeTracker.Clear();
            return UseCaseResult<T>.Conflict(ConflictMessage);
        }
        directory.Changed();
        return UseCaseResult<T>.Done(value);
    }
}
