namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>"Confirm capacity is still right": the same hours free and earliest start, confirmed now, in one click.</summary>
public sealed class ConfirmCapacity(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid ServiceId);

    /// <summary>Done: the service's name.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == input.ServiceId && s.ProviderId == actor.ProviderId, ct);
        if (service is null) return UseCaseResult<string>.NotFound();
        var now = clock.GetUtcNow();
        service.ConfirmCapacity(service.HoursFreePerWeek, service.EarliestStart, now);
        service.RecordChange(now, actor.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<string>.Conflict($"{service.Name} was changed by someone else at the same moment, so your confirmation was not saved. Check it and confirm again.");
        }
        return UseCaseResult<string>.Done(service.Name);
    }
}
