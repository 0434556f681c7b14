using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommissioningPortal.Data.Recipes;

/// <summary>
/// The "partnerships" step (issue 19): PSP and alliance workspaces with their members (demo users who exist
/// join at once), the process at a stage with the steps that led there in its history, gate evidence, pilot
/// measures and one alliance decision. Skipped for a partnership whose id already exists.
/// </summary>
internal static class PartnershipRecipe
{
    public static async Task RunAsync(PortalDbContext db, RecipeStep step, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var item in step.Partnerships ?? [])
        {
            if (await db.Partnerships.AnyAsync(p => p.Id == item.Id, ct)) continue;
            var authority = await db.Authorities.Where(a => a.Code == item.Authority).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
                            ?? throw new RecipeException($"Partnership '{item.Name}': no authority '{item.Authority}'.");
            var definition = Partnership.DefinitionOf(item.Kind);
            var instance = new WorkflowInstance
            {
                Id = item.InstanceId, DefinitionId = definition, DefinitionVersion = item.DefinitionVersion, State = item.Stage,
                Title = item.Name, AuthorityId = authority, StartedAt = now.AddDays(-120), BusinessKey = $"partnership:{item.Id}",
            };
            db.WorkflowInstances.Add(instance);
            var sequence = 0;
            foreach (var h in item.History ?? [])
            {
                db.WorkflowHistory.Add(new WorkflowHistoryEntry
                {
                    InstanceId = instance.Id, Sequence = ++sequence, Trigger = h.Trigger, FromState = h.From, ToState = h.To, Actor = h.Actor,
                    At = now.AddDays(-h.DaysAgo), Comment = h.Reasons,
                });
            }
            var partnership = new Partnership(item.Kind, authority, item.Name, item.Purpose, instance.Id, null, "demo recipe", now.AddDays(-120));
            db.Entry(partnership).Property(p => p.Id).CurrentValue = item.Id;
            db.Partnerships.Add(partnership);
            var seats = new Dictionary<string, AllianceMember>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in item.Members)
            {
                var member = new PartnershipMember(item.Id, m.Name, m.Email, m.Role, "demo recipe", now.AddDays(-120));
                var userId = await db.Users.Where(u => u.NormalizedEmail == m.Email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
                if (userId is not null)
                {
                    member.Join(userId, now.AddDays(-119));
                    if (item.Kind == PartnershipKind.Alliance)
                    {
                        var seat = new AllianceMember(instance.Id, member.Name, userId, now.AddDays(-119));
                        db.AllianceMembers.Add(seat);
                        member.SitsOn(seat);
                        seats[m.Email] = seat;
                    }
                }
                db.PartnershipMembers.Add(member);
            }
            foreach (var e in item.Evidence ?? [])
                db.PartnershipEvidence.Add(new PartnershipEvidence(instance.Id, e.Stage, e.Item, e.Title, e.By, now.AddDays(-e.DaysAgo)));
            foreach (var o in item.Objectives ?? [])
                db.PartnershipObjectives.Add(new PartnershipObjective(item.Id, o.Objective, o.Outcome, o.Measure, o.By, now.AddDays(-110)));
            foreach (var r in item.Risks ?? [])
                db.PartnershipRisks.Add(new PartnershipRisk(item.Id, r.Kind, r.Description, r.Owner, DateOnly.FromDateTime(now.UtcDateTime).AddDays(r.ReviewInDays), r.Response, r.By, now.AddDays(-30)));
            foreach (var m in item.Measures ?? [])
            {
                var measure = new PilotMeasure(item.Id, m.Name, m.Unit, m.By, now.AddDays(-90));
                foreach (var (period, value) in m.Values)
                    measure.Record(DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), value, m.By, now.AddDays(-10));
                db.PilotMeasures.Add(measure);
            }
            if (item.Decision is { } d)
            {
                var decision = new AllianceDecision(instance.Id, d.Proposal, now.AddDays(-3), d.ProposedBy);
                foreach (var email in d.AgreedBy ?? [])
                    if (seats.TryGetValue(email, out var seat)) decision.Agree(seat, now.AddDays(-2));
                db.AllianceDecisions.Add(decision);
            }
        }
    }
}

public sealed record RecipePartnership(
    Guid Id, Guid InstanceId, PartnershipKind Kind, string Authority, string Name, string Purpose, string Stage, int DefinitionVersion,
    List<RecipePartnershipMember> Members, List<RecipePartnershipStep>? History = null, List<RecipePartnershipEvidence>? Evidence = null,
    List<RecipePartnershipObjective>? Objectives = null, List<RecipePartnershipRisk>? Risks = null, List<RecipePilotMeasure>? Measures = null,
    RecipeAllianceDecision? Decision = null);

public sealed record RecipePartnershipMember(string Name, string Email, PartnerRole Role);

public sealed record RecipePartnershipStep(string Trigger, string From, string To, string Actor, string? Reasons, int DaysAgo);

public sealed record RecipePartnershipEvidence(string Stage, string Item, string Title, string By, int DaysAgo);

public sealed record RecipePartnershipObjective(string Objective, string Outcome, string Measure, string By);

public sealed record RecipePartnershipRisk(RiskKind Kind, string Description, string Owner, int ReviewInDays, string? Response, string By);

public sealed record RecipePilotMeasure(string Name, string Unit, string By, Dictionary<string, decimal> Values);

public sealed record RecipeAllianceDecision(string Proposal, string ProposedBy, List<string>? AgreedBy = null);
