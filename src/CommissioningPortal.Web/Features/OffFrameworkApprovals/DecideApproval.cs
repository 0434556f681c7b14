using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>
/// A commissioner of the authority approves or declines an off-framework choice, always with reasons
/// (the person reads them; a decline says what would change it). The process steps and the request's
/// new standing commit together; an approval the checks do not support is refused and nothing changes.
/// </summary>
public sealed class DecideApproval(PortalDbContext db, WorkflowRuntime runtime)
{
    public const int MaxReasonsLength = 2000;

    public sealed record Input(string? Decision, string? Reasons);

    public async Task<UseCaseResult<string>> HandleAsync(Guid instanceId, Input input, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId && i.DefinitionId == Requests.ChooseOffer.ApprovalProcess, ct);
        if (instance is null || !user.IsInRole(Roles.Commissioner) || instance.AuthorityId != user.AuthorityIdOf()) return UseCaseResult<string>.NotFound();
        var errors = new FieldErrors();
        if (input.Decision is not ("approve" or "decline")) errors.Add(nameof(Input.Decision), "Choose whether to approve or decline");
        if (string.IsNullOrWhiteSpace(input.Reasons)) errors.Add(nameof(Input.Reasons), input.Decision == "decline" ? "Give your reasons, and say what would change the decision" : "Give your reasons: the person reads them");
        else if (input.Reasons.Length > MaxReasonsLength) errors.Add(nameof(Input.Reasons), "Your reasons must be 2,000 characters or fewer");
        if (errors.Any) return errors.Invalid<string>();

        var actor = ProcessAccess.ActorOf(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (instance.State == "requested" && input.Decision == "approve")
        {
            var started = await runtime.FireAsync(instanceId, "start-checks", actor, ct: ct);
            if (started.Outcome != FireOutcome.Fired) return UseCaseResult<string>.Invalid(nameof(Input.Decision), $"That cannot happen now. {started.Message} Nothing was changed.");
        }
        var fired = await runtime.FireAsync(instanceId, input.Decision!, actor, input.Reasons!.Trim(), ct: ct);
        if (fired.Outcome != FireOutcome.Fired)
        {
            // A guard that blocks (a check not yet passed) is a conflict with the record's state, not bad input: 409.
            return fired.Outcome == FireOutcome.Blocked
                ? new UseCaseResult<string>(UseCaseOutcome.Conflict, null, [new FieldError(nameof(Input.Decision), $"It cannot be approved yet. {fired.Message} Nothing was changed.")])
                : UseCaseResult<string>.Invalid(nameof(Input.Decision), $"That cannot happen now. {fired.Message} Nothing was changed.");
        }
        var request = await db.SupportRequests.FirstOrDefaultAsync(r => r.ApprovalInstanceId == instanceId, ct);
        request?.ApprovalDecided(input.Decision == "approve");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<string>.Done(input.Decision!);
    }
}

/// <summary>A commissioner records one check of an off-framework approval: passed, or failed with a note.</summary>
public sealed class RecordApprovalCheck(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(PassportItemKind? Kind, bool? Passed, string? Note);

    public async Task<UseCaseResult<string>> HandleAsync(Guid instanceId, Input input, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId && i.DefinitionId == Requests.ChooseOffer.ApprovalProcess, ct);
        if (instance is null || !user.IsInRole(Roles.Commissioner) || instance.AuthorityId != user.AuthorityIdOf()) return UseCaseResult<string>.NotFound();
        var approval = await db.OffFrameworkApprovals.FirstAsync(a => a.InstanceId == instanceId, ct);
        var errors = new FieldErrors();
        if (input.Kind is not { } kind || !OffFrameworkApproval.RequiredChecks(approval.ProviderKind).Contains(kind)) errors.Add(nameof(Input.Kind), "Choose one of the checks this provider needs");
        if (input.Passed is null) errors.Add(nameof(Input.Passed), "Say whether the check passed");
        else if (input.Passed == false && string.IsNullOrWhiteSpace(input.Note)) errors.Add(nameof(Input.Note), "Say why the check failed");
        if (input.Note is { Length: > ApprovalCheck.MaxNoteLength }) errors.Add(nameof(Input.Note), "The note must be 1,000 characters or fewer");
        if (errors.Any) return errors.Invalid<string>();
        approval.RecordCheck(input.Kind!.Value, input.Passed!.Value, input.Note, user.DisplayNameOf(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<string>.Done(OffFrameworkApproval.CheckName(input.Kind.Value));
    }
}
