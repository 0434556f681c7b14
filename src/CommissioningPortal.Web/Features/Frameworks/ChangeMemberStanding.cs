using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner suspends (reversible), withdraws (final) or reinstates a provider on a lot, with a
/// reason, after a confirmation page. The three changes are one table: the address part, the
/// domain change (<see cref="Framework.ChangeStanding"/> holds the rules), and what the page asks,
/// warns and says when it is done.
/// </summary>
public sealed class ChangeMemberStanding(FrameworkChanges changes, PortalDbContext db)
{
    public sealed record Change(string Slug, StandingChange Standing, string Verb, string Heading, string? Warning, string Done, bool Primary)
    {
        /// <summary>"Suspend {provider} on lot {n}?"</summary>
        public string HeadingFor(string provider, int lot) => string.Format(Heading, provider, lot);

        public string DoneFor(string provider, int lot) => string.Format(Done, provider, lot);
    }

    public static readonly IReadOnlyList<Change> Changes =
    [
        new("suspend", StandingChange.Suspend, "Suspend", "Suspend {0} on lot {1}?",
            "From now they no longer show as on your framework in the directory, until you reinstate them.",
            "{0} is suspended on lot {1}: they no longer show as on your framework.", Primary: false),
        new("withdraw", StandingChange.Withdraw, "Withdraw", "Withdraw {0} from lot {1}?",
            "This cannot be undone. They leave the lot for good; only a later round of the framework can admit them again.",
            "{0} is withdrawn from lot {1}.", Primary: false),
        new("reinstate", StandingChange.Reinstate, "Reinstate", "Reinstate {0} on lot {1}?", null,
            "{0} is reinstated on lot {1}.", Primary: true),
    ];

    public static Change? Find(string? slug) => Changes.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public sealed record Input(Guid FrameworkId, Guid MemberId, string? Change, string? Reason);

    public sealed record Changed(int LotNumber, string Message);

    public async Task<UseCaseResult<Changed>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (Find(input.Change) is not { } change || await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework ||
            framework.Lots.FirstOrDefault(l => l.Members.Any(m => m.Id == input.MemberId)) is not { } lot)
        {
            return UseCaseResult<Changed>.NotFound();
        }
        var member = lot.Members.Single(m => m.Id == input.MemberId);
        var errors = new FieldErrors();
        errors.Check(nameof(Input.Reason), LotMember.ReasonProblem(input.Reason, change.Verb.ToLowerInvariant()));
        if (errors.Any) return errors.Invalid<Changed>();

        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == member.ProviderId).Select(p => p.Name).SingleAsync(ct);
        return await changes.ApplyAsync(framework, f =>
        {
            f.ChangeStanding(member.Id, change.Standing, input.Reason!, changes.Now, actor.Name);
            return new Changed(lot.Number, change.DoneFor(provider, lot.Number));
        }, ct, field => field == nameof(LotMember.StatusReason) ? nameof(Input.Reason) : field);
    }
}
