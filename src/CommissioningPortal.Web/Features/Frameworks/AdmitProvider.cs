using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner admits a provider (chosen from a search) to a lot of one of their frameworks from
/// today, with the provider's rate for the lot or none yet. <see cref="Framework.Admit"/> holds the
/// rules: not on an ended framework, and a provider already on the lot, in any standing, is refused by name.
/// While a round is open the admission is the round's (<see cref="Framework.AdmitInRound"/>): the rate is
/// needed, and it and the membership take effect from the date given (today or later; today when empty).
/// </summary>
public sealed class AdmitProvider(FrameworkChanges changes, PortalDbContext db)
{
    public sealed record Input(Guid FrameworkId, Guid LotId, string? ProviderId, string? Rate, string? RateUnit, string? EffectiveFrom = null);

    public sealed record Admitted(string ProviderName, int LotNumber, string Message);

    public async Task<UseCaseResult<Admitted>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework ||
            framework.Lots.FirstOrDefault(l => l.Id == input.LotId) is not { } lot)
        {
            return UseCaseResult<Admitted>.NotFound();
        }
        var errors = new FieldErrors();
        var provider = await ProviderAsync(input.ProviderId, errors, ct);
        if (provider is not null) errors.Check(nameof(Input.ProviderId), lot.AdmissionProblem(provider.Value.Id, provider.Value.Name));
        var ratePence = FrameworkPages.ParsePounds(errors, nameof(Input.Rate), "The rate", input.Rate);
        RateUnit? unit = null;
        if (ratePence is not null || !string.IsNullOrWhiteSpace(input.RateUnit)) unit = FrameworkPages.ParseUnit(errors, nameof(Input.RateUnit), input.RateUnit);
        var round = framework.OpenRound;
        var from = FrameworkPages.ParseDate(errors, nameof(Input.EffectiveFrom), "The date it takes effect", input.EffectiveFrom) ?? changes.Today;
        if (round is not null && ratePence is null && !errors.Has(nameof(Input.Rate))) errors.Add(nameof(Input.Rate), $"Enter the rate {(provider?.Name ?? "the provider")} offered in round {round.Number}.");
        if (errors.Any) return errors.Invalid<Admitted>();

        var (providerId, name) = provider!.Value;
        (int, RateUnit)? rate = ratePence is { } pence && unit is { } u ? (pence, u) : null;
        var result = await changes.ApplyAsync(framework, f =>
        {
            if (round is not null) f.AdmitInRound(round.Id, lot.Id, providerId, name, rate!.Value.Item1, rate.Value.Item2, from, changes.Today, changes.Now, actor.Name);
            else f.Admit(lot.Id, providerId, name, changes.Today, rate, changes.Now, actor.Name);
            return new Admitted(name, lot.Number, $"{name} admitted to lot {lot.Number}" + (round is not null ? $" in round {round.Number}, from {from:d MMMM yyyy}." : ".") +
                (f.Status == FrameworkStatus.Draft ? " They count as on the framework once it is live." : ""));
        }, ct, field => field switch
        {
            nameof(LotRate.AmountPence) => nameof(Input.Rate),
            nameof(LotRate.EffectiveFrom) => nameof(Input.EffectiveFrom),
            _ => field,
        });
        if (result.Outcome == UseCaseOutcome.Conflict &&
            await changes.LoadAsync(actor, input.FrameworkId, ct) is { } fresh && fresh.LotById(lot.Id).AdmissionProblem(providerId, name) is not null)
        {
            return UseCaseResult<Admitted>.Invalid(nameof(Input.ProviderId), $"{name} has just been admitted to lot {lot.Number} by someone else.");
        }
        return result;
    }

    /// <summary>The chosen provider (open, not closed), or null with the field's message.</summary>
    private async Task<(Guid Id, string Name)?> ProviderAsync(string? typed, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Add(nameof(Input.ProviderId), "Choose the provider to admit.");
            return null;
        }
        var found = Guid.TryParse(typed, out var id)
            ? await db.Providers.AsNoTracking().Where(p => p.Id == id && p.ClosedAt == null).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (found is null) errors.Add(nameof(Input.ProviderId), "Choose a provider from the list.");
        return found is null ? null : (found.Id, found.Name);
    }
}
