using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>The partnerships the person belongs to (their authority's, for a commissioner) and invitations waiting for them.</summary>
[Authorize]
public sealed class IndexModel(PortalDbContext db, PartnershipAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Name, PartnershipKind Kind, string State);

    public IReadOnlyList<Row> Partnerships { get; private set; } = [];
    public IReadOnlyList<(PartnershipMember Invitation, string Partnership)> Invitations { get; private set; } = [];
    public bool MayForm => User.IsInRole(Roles.Commissioner) && User.AuthorityIdOf() is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await access.VisibleTo(User).OrderBy(p => p.Name)
            .Join(db.WorkflowInstances, p => p.InstanceId, i => i.Id, (p, i) => new { p.Id, p.Name, p.Kind, i.DefinitionId, i.DefinitionVersion, i.State })
            .ToListAsync(ct);
        var definitions = HttpContext.RequestServices.GetRequiredService<CommissioningPortal.Workflows.Definitions.WorkflowDefinitionRegistry>();
        Partnerships = rows.Select(r => new Row(r.Id, r.Name, r.Kind, definitions.Get(r.DefinitionId, r.DefinitionVersion).State(r.State)?.Title ?? r.State)).ToList();
        var email = (User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "").ToLowerInvariant();
        Invitations = (await db.PartnershipMembers.AsNoTracking().Where(m => m.Email == email && m.UserId == null)
                .Join(db.Partnerships, m => m.PartnershipId, p => p.Id, (m, p) => new { m, p.Name }).ToListAsync(ct))
            .Select(x => (x.m, x.Name)).ToList();
    }
}
