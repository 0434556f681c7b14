using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// What the isf-agreement process holds true whoever fires it (a page, the process page, a task, a
/// test calling the engine): each acceptance state is entered only with its acceptance of the exact
/// offered bytes in the same unit of work, and Active only with all three and the final PDF.
/// </summary>
public sealed class AcceptanceRecordedHandler(PortalDbContext db) : IWorkflowActionHandler
{
    public string Name => "isf-acceptance-recorded";

    public async Task RunAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var agreement = await AgreementRuleReads.AgreementOfAsync(db, context.Instance.BusinessKey, ct)
            ?? throw new InvalidOperationException("An ISF agreement step was fired for a process with no agreement.");
        var versions = await db.IsfAgreementVersions.Where(v => v.AgreementId == agreement.Id).ToListAsync(ct); // tracked: sees this unit of work's changes
        var ids = versions.Select(v => v.Id).ToList();
        var acceptances = (await db.IsfAcceptances.AsNoTracking().Where(a => ids.Contains(a.VersionId)).ToListAsync(ct))
            .Concat(db.IsfAcceptances.Local.Where(a => ids.Contains(a.VersionId))).DistinctBy(a => a.Id).ToList();
        if (context.State.Name == "active")
        {
            // The version in force: the newest authorised one. It must carry three acceptances of its offered bytes and its final PDF.
            var inForce = versions.Where(v => v.AuthorisedAt is not null && v.WithdrawnAt is null).MaxBy(v => v.Number);
            if (inForce is null || inForce.FinalPdf is null || inForce.FinalSha256 is null || !inForce.FullyAcceptedBy(acceptances))
            {
                throw new InvalidOperationException($"Agreement {agreement.Reference} cannot be active: no version has all three acceptances of the same PDF and its signed PDF stored.");
            }
            return;
        }
        var current = versions.Single(v => v.Number == agreement.CurrentVersion);
        var parties = context.State.Name == "accepted-by-person" ? new[] { AgreementParty.Person, AgreementParty.Representative } : [AgreementParty.Provider];
        if (!acceptances.Any(a => a.VersionId == current.Id && parties.Contains(a.Party) && string.Equals(a.Sha256, current.OfferedSha256, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Agreement {agreement.Reference}: '{context.State.Title}' needs that party's acceptance of version {current.Number}'s PDF, recorded with the step.");
        }
    }
}

/// <summary>"isf-never-in-force": no version was ever authorised, so withdrawing the offer ends the process.</summary>
public sealed class NeverInForceGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "isf-never-in-force";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct) =>
        await AgreementRuleReads.AnyInForceAsync(db, context.Instance.BusinessKey, ct)
            ? GuardResult.Block("A version is in force: withdrawing the variation returns to it.")
            : GuardResult.Pass;
}

/// <summary>"isf-in-force": a version was authorised, so withdrawing a variation returns to it.</summary>
public sealed class InForceGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "isf-in-force";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct) =>
        await AgreementRuleReads.AnyInForceAsync(db, context.Instance.BusinessKey, ct)
            ? GuardResult.Pass
            : GuardResult.Block("No version has been authorised yet: withdrawing the offer ends it.");
}

/// <summary>
/// "within-delegated-authority" (isf-agreement v3, issue 17 item 8): a commissioner may authorise any agreement;
/// a practitioner only one whose weekly budget is within the amount their authority delegates to practitioners
/// (<see cref="Domain.Tenancy.Authority.PractitionerWeeklyLimit"/>). Above it, or where nothing is delegated, the
/// reason says a commissioner authorises it.
/// </summary>
public sealed class WithinDelegatedAuthorityGuard(PortalDbContext db) : IWorkflowGuard
{
    public string Name => "within-delegated-authority";

    public async ValueTask<GuardResult> EvaluateAsync(GuardContext context, CancellationToken ct)
    {
        if (context.Actor.Roles.Contains(Domain.Identity.Roles.Commissioner)) return GuardResult.Pass;
        if (await AgreementRuleReads.AgreementOfAsync(db, context.Instance.BusinessKey, ct) is not { } agreement)
        {
            return GuardResult.Block("This process has no agreement to authorise.");
        }
        var version = await db.IsfAgreementVersions.AsNoTracking().SingleAsync(v => v.AgreementId == agreement.Id && v.Number == agreement.CurrentVersion, ct);
        var weekly = AgreementService.Terms(version).WeeklyBudget;
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == agreement.AuthorityId, ct);
        if (authority.PractitionerMayAuthorise(weekly)) return GuardResult.Pass;
        var gb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return GuardResult.Block(authority.PractitionerWeeklyLimit is { } limit
            ? $"{weekly.ToString("C", gb)} a week is more than the {limit.ToString("C", gb)} a practitioner may authorise alone in {authority.Name}: a commissioner authorises it."
            : $"{authority.Name} has not delegated authority to practitioners: a commissioner authorises every agreement.");
    }
}

internal static class AgreementRuleReads
{
    public static async Task<IsfAgreement?> AgreementOfAsync(PortalDbContext db, string? businessKey, CancellationToken ct)
    {
        if (businessKey is null || !businessKey.StartsWith("agreement:", StringComparison.Ordinal) || !Guid.TryParse(businessKey["agreement:".Length..], out var id)) return null;
        return await db.IsfAgreements.SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    public static async Task<bool> AnyInForceAsync(PortalDbContext db, string? businessKey, CancellationToken ct) =>
        await AgreementOfAsync(db, businessKey, ct) is { } agreement &&
        await db.IsfAgreementVersions.AnyAsync(v => v.AgreementId == agreement.Id && v.AuthorisedAt != null && v.WithdrawnAt == null, ct);
}
