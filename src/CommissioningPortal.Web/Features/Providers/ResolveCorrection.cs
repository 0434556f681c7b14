using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Providers;

/// <summary>
/// A provider user marks a suggested correction resolved, saying what they did. Made on the version
/// they saw: if a colleague dealt with it meanwhile, nothing is saved and the answer is a conflict.
/// </summary>
public sealed class ResolveCorrection(PortalDbContext db, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else dealt with this correction while you had the page open. Check the list below.";

    public sealed record Input(Guid CorrectionId, int SeenVersion, string? Note);

    public async Task<UseCaseResult<ProviderCorrection>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var correction = await db.ProviderCorrections.FirstOrDefaultAsync(c => c.Id == input.CorrectionId && c.ProviderId == actor.ProviderId, ct);
        if (correction is null) return UseCaseResult<ProviderCorrection>.NotFound();
        if (correction.Status == CorrectionStatus.Resolved || correction.Version != input.SeenVersion) return UseCaseResult<ProviderCorrection>.Conflict(ConflictMessage);
        if (ProviderCorrection.NoteProblem(input.Note) is { } problem) return UseCaseResult<ProviderCorrection>.Invalid(NoteField(input.CorrectionId), problem);

        correction.Resolve(actor.Name, clock.GetUtcNow(), input.Note!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<ProviderCorrection>.Conflict(ConflictMessage);
        }
        return UseCaseResult<ProviderCorrection>.Done(correction);
    }

    /// <summary>Each open correction has its own note box; errors name that box.</summary>
    public static string NoteField(Guid id) => $"Note-{id:N}";
}
