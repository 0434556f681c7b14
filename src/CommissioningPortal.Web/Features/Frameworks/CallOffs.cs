using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// Call-offs from a framework lot, each write one use case here: a commissioner calls off a package by
/// direct award (a recorded rule and the reason) or by mini-competition among the lot's admitted members;
/// an invited member offers (at no more than their framework rate on the start date); the commissioner
/// chooses with reasons. The draft ISF agreement is then made by the agreement flow (<c>/agreements/new?calloff=</c>).
/// The rules are <see cref="Framework"/>'s and <see cref="CallOff"/>'s.
/// </summary>
public sealed class CallOffs(FrameworkChanges changes, PortalDbContext db)
{
    public sealed record NewInput(Guid FrameworkId, string? LotId, string? Method, string? PersonId, string? PackageSummary, string? HoursPerWeek,
        string? StartOn, string? OffersDueOn, string? MemberId, string? Rule, string? Reason);

    public async Task<UseCaseResult<CallOff>> CreateAsync(NewInput input, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework) return UseCaseResult<CallOff>.NotFound();
        var errors = new FieldErrors();
        var lot = Guid.TryParse(input.LotId, out var lotId) ? framework.Lots.FirstOrDefault(l => l.Id == lotId) : null;
        if (lot is null) errors.Add(nameof(NewInput.LotId), "Choose the lot the package is called off from.");
        CallOffMethod? method = Enum.TryParse<CallOffMethod>(input.Method, out var m) && Enum.IsDefined(m) ? m : null;
        if (method is null) errors.Add(nameof(NewInput.Method), "Choose direct award or mini-competition.");
        var personOk = Guid.TryParse(input.PersonId, out var personId) && await db.SupportedPeople.AnyAsync(p => p.Id == personId && p.AuthorityId == framework.AuthorityId, ct);
        if (!personOk) errors.Add(nameof(NewInput.PersonId), "Choose the person the package is for.");
        errors.Check(nameof(NewInput.PackageSummary), CallOff.SummaryProblem(input.PackageSummary?.Trim()));
        int? hours = null;
        if (!string.IsNullOrWhiteSpace(input.HoursPerWeek))
        {
            if (int.TryParse(input.HoursPerWeek.Trim(), out var h) && h is >= 1 and <= 168) hours = h;
            else errors.Add(nameof(NewInput.HoursPerWeek), "The hours a week must be a whole number from 1 to 168.");
        }
        var start = FrameworkPages.ParseDate(errors, nameof(NewInput.StartOn), "The start date", input.StartOn);
        if (start is null && !errors.Has(nameof(NewInput.StartOn))) errors.Add(nameof(NewInput.StartOn), "Enter the date the support starts, like 1/4/2027.");
        DateOnly? due = null;
        Guid memberId = default;
        DirectAwardRule rule = default;
        if (method == CallOffMethod.MiniCompetition)
        {
            due = FrameworkPages.ParseDate(errors, nameof(NewInput.OffersDueOn), "The date offers are due", input.OffersDueOn);
            if (due is null && !errors.Has(nameof(NewInput.OffersDueOn))) errors.Add(nameof(NewInput.OffersDueOn), "Enter the last day members may offer, like 15/3/2027.");
        }
        else if (method == CallOffMethod.DirectAward)
        {
            if (!Guid.TryParse(input.MemberId, out memberId) || lot?.Members.Any(x => x.Id == memberId) == false) errors.Add(nameof(NewInput.MemberId), "Choose the provider on the lot to award to.");
            if (!Enum.TryParse(input.Rule, out rule) || !Enum.IsDefined(rule)) errors.Add(nameof(NewInput.Rule), "Choose the rule the direct award is made under.");
            errors.Check(nameof(NewInput.Reason), CallOff.ReasonProblem(input.Reason?.Trim(), "awarding directly"));
        }
        if (errors.Any) return errors.Invalid<CallOff>();

        var number = await db.CallOffs.CountAsync(c => c.FrameworkId == framework.Id, ct) + 1;
        CallOff? made = null;
        var result = await changes.ApplyAsync(framework, f =>
        {
            made = method == CallOffMethod.DirectAward
                ? f.AwardDirectly(lot!.Id, number, personId, input.PackageSummary!, hours, start!.Value, memberId, rule, input.Reason!, changes.Today, changes.Now, actor.Name)
                : f.StartMiniCompetition(lot!.Id, number, personId, input.PackageSummary!, hours, start!.Value, due!.Value, changes.Today, changes.Now, actor.Name);
            db.CallOffs.Add(made);
            return made;
        }, ct, FieldOf);
        return result;
    }

    private static string FieldOf(string field) => field switch
    {
        nameof(CallOff.ChosenProviderId) => nameof(NewInput.MemberId),
        nameof(CallOff.DecisionReason) => nameof(NewInput.Reason),
        _ => field,
    };

    /// <summary>The call-off, tracked, if <paramref name="providerId"/> was invited to it; null otherwise (so a stranger gets 404).</summary>
    public async Task<CallOff?> InvitedAsync(Guid callOffId, Guid? providerId, CancellationToken ct)
    {
        if (providerId is not { } pid) return null;
        var callOff = await db.CallOffs.Include(c => c.Offers).FirstOrDefaultAsync(c => c.Id == callOffId, ct);
        return callOff is not null && callOff.Method == CallOffMethod.MiniCompetition && callOff.IsInvited(pid) ? callOff : null;
    }

    /// <summary>The member's rate on the lot on the package's start date: the most they may offer.</summary>
    public async Task<LotRate?> CeilingAsync(CallOff callOff, Guid providerId, CancellationToken ct)
    {
        var member = await db.LotMembers.AsNoTracking().Include(m => m.Rates).FirstOrDefaultAsync(m => m.LotId == callOff.LotId && m.ProviderId == providerId, ct);
        return member?.RateOn(callOff.StartOn);
    }

    public sealed record OfferInput(Guid CallOffId, string? Price, string? PriceUnit, string? Note);

    public async Task<UseCaseResult<CallOffOffer>> OfferAsync(OfferInput input, Guid? providerId, string by, CancellationToken ct)
    {
        if (await InvitedAsync(input.CallOffId, providerId, ct) is not { } callOff) return UseCaseResult<CallOffOffer>.NotFound();
        var errors = new FieldErrors();
        var pence = FrameworkPages.ParsePounds(errors, nameof(OfferInput.Price), "The price", input.Price);
        if (pence is null && !errors.Has(nameof(OfferInput.Price))) errors.Add(nameof(OfferInput.Price), "Enter your price in pounds, like 22.80.");
        var unit = FrameworkPages.ParseUnit(errors, nameof(OfferInput.PriceUnit), input.PriceUnit);
        if (errors.Any) return errors.Invalid<CallOffOffer>();
        var ceiling = await CeilingAsync(callOff, providerId!.Value, ct);
        return await SaveAsync(callOff, c => c.Offer(providerId.Value, pence!.Value, unit!.Value, input.Note, ceiling, changes.Today, changes.Now, by), ct,
            field => field == nameof(CallOffOffer.PricePence) ? nameof(OfferInput.Price) : field);
    }

    public sealed record ChooseInput(Guid FrameworkId, Guid CallOffId, string? ProviderId, string? Reason);

    public async Task<UseCaseResult<CallOff>> ChooseAsync(ChooseInput input, Actor actor, CancellationToken ct)
    {
        var callOff = await db.CallOffs.Include(c => c.Offers).FirstOrDefaultAsync(c => c.Id == input.CallOffId && c.FrameworkId == input.FrameworkId && c.AuthorityId == actor.AuthorityId, ct);
        if (callOff is null) return UseCaseResult<CallOff>.NotFound();
        var errors = new FieldErrors();
        if (!Guid.TryParse(input.ProviderId, out var providerId) || callOff.Offers.All(o => o.ProviderId != providerId)) errors.Add(nameof(ChooseInput.ProviderId), "Choose one of the providers who offered.");
        errors.Check(nameof(ChooseInput.Reason), CallOff.ReasonProblem(input.Reason?.Trim(), "the choice"));
        if (errors.Any) return errors.Invalid<CallOff>();
        return await SaveAsync(callOff, c =>
        {
            c.Choose(providerId, input.Reason!, changes.Now, actor.Name);
            return c;
        }, ct, field => field switch { nameof(CallOff.ChosenProviderId) => nameof(ChooseInput.ProviderId), nameof(CallOff.DecisionReason) => nameof(ChooseInput.Reason), _ => field });
    }

    private async Task<UseCaseResult<T>> SaveAsync<T>(CallOff callOff, Func<CallOff, T> change, CancellationToken ct, Func<string, string> fieldOf)
    {
        T value;
        try
        {
            value = change(callOff);
        }
        catch (FrameworkRuleException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<T>.Invalid(e.Field is null ? FieldError.Form : fieldOf(e.Field), e.Message);
        }
        db.Entry(callOff).Property(c => c.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<T>.Conflict("Someone else changed this package at the same moment, so nothing was saved. Check it and try again.");
        }
        return UseCaseResult<T>.Done(value);
    }
}
