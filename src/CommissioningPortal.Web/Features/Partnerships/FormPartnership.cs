using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Web.Features.Opportunities;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A commissioner forms a partnership's workspace: from its PSP invitation or alliance expression of interest
/// (the opportunity's running process becomes the workspace's) or directly (a new process of the kind's newest
/// definition). The commissioner joins as the authority's member. Process, workspace and membership commit together.
/// </summary>
public sealed class FormPartnership(PortalDbContext db, WorkflowRuntime runtime, TimeProvider clock)
{
    public sealed record Input(PartnershipKind? Kind, string? Name, string? Purpose, Guid? OpportunityId);

    public async Task<UseCaseResult<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Commissioner) || user.AuthorityIdOf() is not { } authorityId) return UseCaseResult<Guid>.NotFound();
        var errors = new FieldErrors();
        Opportunity? opportunity = null;
        var kind = input.Kind;
        if (input.OpportunityId is { } opportunityId)
        {
            opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId && o.AuthorityId == authorityId, ct);
            if (opportunity is null || opportunity.Kind is not (OpportunityKind.PublicSocialPartnership or OpportunityKind.AllianceExpressionOfInterest))
                errors.Add(nameof(Input.OpportunityId), "Choose one of your Public Social Partnership invitations or alliance expressions of interest");
            else if (await db.Partnerships.AnyAsync(p => p.OpportunityId == opportunityId, ct))
                errors.Add(nameof(Input.OpportunityId), "That opportunity already has its partnership workspace");
            else kind = opportunity.Kind == OpportunityKind.AllianceExpressionOfInterest ? PartnershipKind.Alliance : PartnershipKind.PublicSocialPartnership;
        }
        if (kind is null) errors.Add(nameof(Input.Kind), "Choose whether it is a Public Social Partnership or an alliance");
        errors.Check(nameof(Input.Name), Partnership.NameProblem(input.Name));
        errors.Check(nameof(Input.Purpose), Partnership.PurposeProblem(input.Purpose));
        if (errors.Any) return errors.Invalid<Guid>();

        var now = clock.GetUtcNow();
        var actor = ProcessAccess(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var partnershipId = Guid.NewGuid();
        var instance = opportunity is null ? null : await runtime.FindByBusinessKeyAsync(OpportunityProcess.BusinessKey(opportunity.Id), ct);
        if (instance is null || await db.Partnerships.AnyAsync(p => p.InstanceId == instance.Id, ct))
        {
            instance = await runtime.StartAsync(Partnership.DefinitionOf(kind!.Value), input.Name!.Trim(), authorityId, null, actor, ct, businessKey: $"partnership:{partnershipId}");
        }
        var partnership = new Partnership(kind!.Value, authorityId, input.Name!, input.Purpose!, instance.Id, opportunity?.Id, user.DisplayNameOf(), now);
        db.Entry(partnership).Property(p => p.Id).CurrentValue = partnershipId;
        db.Partnerships.Add(partnership);
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        var me = new PartnershipMember(partnershipId, user.DisplayNameOf(), email, PartnerRole.Authority, user.DisplayNameOf(), now);
        me.Join(user.FindFirstValue(ClaimTypes.NameIdentifier)!, now);
        db.PartnershipMembers.Add(me);
        if (partnership.Kind == PartnershipKind.Alliance)
        {
            var seat = new AllianceMember(instance.Id, me.Name, me.UserId, now);
            db.AllianceMembers.Add(seat);
            me.SitsOn(seat);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<Guid>.Done(partnershipId);
    }

    private static WorkflowActor ProcessAccess(ClaimsPrincipal user) => Processes.ProcessAccess.ActorOf(user);
}

/// <summary>
/// A member invites a partner by e-mail (through the outbox, in the same save): a provider, a lived-experience
/// member, another authority or anyone else whose voice the partnership needs. The invitation link lets them join.
/// </summary>
public sealed class InvitePartner(PortalDbContext db, Email.IEmailOutbox outbox, PublicLinks links, TimeProvider clock)
{
    public sealed record Input(string? Name, string? Email, PartnerRole? Role);

    public async Task<UseCaseResult<PartnershipMember>> HandleAsync(Workspace workspace, Input input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(nameof(Input.Name), PartnershipMember.NameProblem(input.Name));
        if (errors.Check(nameof(Input.Email), PartnershipMember.EmailProblem(input.Email)))
        {
            var email = input.Email!.Trim().ToLowerInvariant();
            if (await db.PartnershipMembers.AnyAsync(m => m.PartnershipId == workspace.Partnership.Id && m.Email == email, ct))
                errors.Add(nameof(Input.Email), $"{email} is already invited to this partnership");
        }
        if (input.Role is null || !Enum.IsDefined(input.Role.Value)) errors.Add(nameof(Input.Role), "Choose the member's role");
        if (errors.Any) return errors.Invalid<PartnershipMember>();

        var member = new PartnershipMember(workspace.Partnership.Id, input.Name!, input.Email!, input.Role!.Value, workspace.UserName, clock.GetUtcNow());
        db.PartnershipMembers.Add(member);
        var kind = Partnership.KindName(workspace.Partnership.Kind);
        outbox.Enqueue(new Email.EmailMessage(member.Email, member.Name, $"You are invited to join {workspace.Partnership.Name}",
            $"{workspace.UserName} invites you to join {workspace.Partnership.Name}, a {kind}, as {Partnership.RoleName(member.Role).ToLowerInvariant()}.\n\n" +
            $"What it is for: {workspace.Partnership.Purpose}\n\nEvery partner has a say. To join, sign in to the portal (or register with this e-mail address) and open:\n" +
            links.To($"/partnerships/join/{member.InvitationToken}"), null, "partnership-invitation"));
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipMember>.Done(member);
    }
}

/// <summary>
/// The invited person accepts and becomes a member. In an alliance they take their seat on the Alliance
/// Leadership Team, whose every decision now needs their agreement too.
/// </summary>
public sealed class JoinPartnership(PortalDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<Guid>> HandleAsync(string token, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var member = await db.PartnershipMembers.FirstOrDefaultAsync(m => m.InvitationToken == token, ct);
        if (member is null || userId is null) return UseCaseResult<Guid>.NotFound();
        if (member.UserId is not null && member.UserId != userId) return UseCaseResult<Guid>.NotFound();
        if (await db.PartnershipMembers.AnyAsync(m => m.PartnershipId == member.PartnershipId && m.UserId == userId && m.Id != member.Id, ct))
            return UseCaseResult<Guid>.Invalid(FieldError.Form, "You are already a member of this partnership under another invitation.");
        if (member.HasJoined) return UseCaseResult<Guid>.Done(member.PartnershipId);
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == member.PartnershipId, ct);
        var now = clock.GetUtcNow();
        member.Join(userId, now);
        if (partnership.Kind == PartnershipKind.Alliance)
        {
            var seat = new AllianceMember(partnership.InstanceId, member.Name, userId, now);
            db.AllianceMembers.Add(seat);
            member.SitsOn(seat);
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Guid>.Done(member.PartnershipId);
    }
}

/// <summary>
/// A member takes a step the engine offers them (agreeing the partnership, passing a stage gate, signing the
/// alliance agreement), with their reasons written down. The definition's guard decides: the evidence the
/// stage needs (PSP) or every Alliance Leadership Team member's agreement (alliance). Nothing changes when it blocks.
/// </summary>
public sealed class TakePartnershipStep(WorkflowRuntime runtime)
{
    public const int MaxReasonsLength = 2000;

    public sealed record Input(string? Trigger, string? Reasons, int? SeenVersion);

    public async Task<UseCaseResult<string>> HandleAsync(Workspace workspace, Input input, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = workspace.Actor(user);
        var offered = await runtime.AvailableTransitionsAsync(workspace.Instance, actor, ct);
        var step = offered.FirstOrDefault(t => t.Trigger == input.Trigger && !t.FeatureOwned);
        var errors = new FieldErrors();
        if (step is null) errors.Add(nameof(Input.Trigger), "Choose one of the steps offered");
        if (string.IsNullOrWhiteSpace(input.Reasons)) { if (step is { CommentRequired: true }) errors.Add(nameof(Input.Reasons), "Write down the reasons for the decision"); }
        else if (input.Reasons.Length > MaxReasonsLength) errors.Add(nameof(Input.Reasons), "The reasons must be 2,000 characters or fewer");
        if (errors.Any) return errors.Invalid<string>();
        var fired = await runtime.FireAsync(workspace.Instance.Id, step!.Trigger, actor, input.Reasons?.Trim(), input.SeenVersion, ct);
        return fired.Outcome switch
        {
            FireOutcome.Fired => UseCaseResult<string>.Done(workspace.Definition.State(fired.State!)?.Title ?? fired.State!),
            FireOutcome.Blocked or FireOutcome.Conflict => new UseCaseResult<string>(UseCaseOutcome.Conflict, null, [new FieldError(nameof(Input.Trigger), $"It cannot pass yet. {fired.Message} Nothing was changed.")]),
            _ => UseCaseResult<string>.Invalid(nameof(Input.Trigger), $"That cannot happen now. {fired.Message} Nothing was changed."),
        };
    }
}

/// <summary>A member records an item of evidence the current stage's gate needs (PSP), with who and when.</summary>
public sealed class RecordStageEvidence(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Item, string? Title);

    public async Task<UseCaseResult<PartnershipEvidence>> HandleAsync(Workspace workspace, Input input, CancellationToken ct)
    {
        var stage = workspace.Instance.State;
        var required = PartnershipStages.RequiredEvidence(stage);
        var errors = new FieldErrors();
        if (workspace.IsAlliance || required.Count == 0) return UseCaseResult<PartnershipEvidence>.Invalid(FieldError.Form, "This stage asks for no evidence. Nothing was changed.");
        if (!required.Any(r => r.Item == input.Item)) errors.Add(nameof(Input.Item), "Choose which of the stage's evidence this is");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(nameof(Input.Title), "Describe the evidence: what it is and where the partners can read it");
        else if (input.Title.Trim().Length > PartnershipEvidence.MaxTitleLength) errors.Add(nameof(Input.Title), "The description must be 300 characters or fewer");
        if (errors.Any) return errors.Invalid<PartnershipEvidence>();
        var evidence = new PartnershipEvidence(workspace.Instance.Id, stage, input.Item!, input.Title!, workspace.UserName, clock.GetUtcNow());
        db.PartnershipEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipEvidence>.Done(evidence);
    }
}
