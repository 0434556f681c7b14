using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner opens an admission round of a flexible framework (the first opening or a re-opening),
/// optionally naming the flexible-framework opportunity that advertised it; <see cref="Framework.OpenRoundFor"/> holds the rules.
/// </summary>
public sealed class OpenRound(FrameworkChanges changes, PortalDbContext db)
{
    public sealed record Input(Guid FrameworkId, string? Title, string? ClosesOn, string? OpportunityId);

    public async Task<UseCaseResult<FrameworkRound>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework) return UseCaseResult<FrameworkRound>.NotFound();
        var errors = new FieldErrors();
        errors.Check(nameof(Input.Title), FrameworkRound.TitleProblem(input.Title?.Trim()));
        var closes = FrameworkPages.ParseDate(errors, nameof(Input.ClosesOn), "The closing date", input.ClosesOn);
        if (closes is null && !errors.Has(nameof(Input.ClosesOn))) errors.Add(nameof(Input.ClosesOn), "Enter the date the round closes, like 31/1/2027.");
        Guid? opportunityId = null;
        if (!string.IsNullOrWhiteSpace(input.OpportunityId))
        {
            if (Guid.TryParse(input.OpportunityId, out var oid) && await db.Opportunities.AnyAsync(o => o.Id == oid && o.AuthorityId == framework.AuthorityId && o.Kind == OpportunityKind.FlexibleFramework, ct))
                opportunityId = oid;
            else errors.Add(nameof(Input.OpportunityId), "Choose one of your flexible-framework opportunities, or none.");
        }
        if (errors.Any) return errors.Invalid<FrameworkRound>();
        return await changes.ApplyAsync(framework, f => f.OpenRoundFor(input.Title!, closes!.Value, opportunityId, changes.Today, changes.Now, actor.Name), ct);
    }
}

/// <summary>Closes the open round: members keep their rates; no more admissions or revised prices until the next.</summary>
public sealed class CloseRound(FrameworkChanges changes)
{
    public async Task<UseCaseResult<FrameworkRound>> HandleAsync(Guid frameworkId, Guid roundId, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, frameworkId, ct) is not { } framework || framework.Rounds.All(r => r.Id != roundId)) return UseCaseResult<FrameworkRound>.NotFound();
        return await changes.ApplyAsync(framework, f =>
        {
            f.CloseRound(roundId, changes.Now, actor.Name);
            return f.RoundById(roundId);
        }, ct);
    }
}

/// <summary>
/// A member's revised price through the open round, from a date (today or later): until then their earlier
/// rate stands, and the directory and call-offs read the rate of the day (<see cref="LotMember.RateOn"/>).
/// </summary>
public sealed class RevisePrice(FrameworkChanges changes)
{
    public sealed record Input(Guid FrameworkId, Guid MemberId, string? Rate, string? RateUnit, string? EffectiveFrom);

    public async Task<UseCaseResult<LotRate>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework || !framework.Lots.SelectMany(l => l.Members).Any(m => m.Id == input.MemberId))
            return UseCaseResult<LotRate>.NotFound();
        var errors = new FieldErrors();
        var pence = FrameworkPages.ParsePounds(errors, nameof(Input.Rate), "The rate", input.Rate);
        if (pence is null && !errors.Has(nameof(Input.Rate))) errors.Add(nameof(Input.Rate), "Enter the revised rate in pounds, like 23.50.");
        var unit = FrameworkPages.ParseUnit(errors, nameof(Input.RateUnit), input.RateUnit);
        var from = FrameworkPages.ParseDate(errors, nameof(Input.EffectiveFrom), "The date it takes effect", input.EffectiveFrom);
        if (from is null && !errors.Has(nameof(Input.EffectiveFrom))) errors.Add(nameof(Input.EffectiveFrom), "Enter the date the revised rate takes effect, like 1/4/2027.");
        if (errors.Any) return errors.Invalid<LotRate>();
        if (framework.OpenRound is not { } round) return UseCaseResult<LotRate>.Invalid(FieldError.Form, "No round is open: open a re-opening round to take revised prices.");
        return await changes.ApplyAsync(framework, f => f.RevisePrice(round.Id, input.MemberId, pence!.Value, unit!.Value, from!.Value, changes.Today, changes.Now, actor.Name), ct,
            field => field switch { nameof(LotRate.AmountPence) => nameof(Input.Rate), nameof(LotRate.EffectiveFrom) => nameof(Input.EffectiveFrom), _ => field });
    }
}
