using System.Security.Claims;
using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities/{id}/follow</c>: a provider follows a published opportunity (amendments reach them by e-mail) or stops.</summary>
[Authorize(Policy = Policies.ProviderUser)]
public sealed class FollowModel(PortalDbContext db, FollowOpportunity follow) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public bool Follow { get; set; } = true;
    public Opportunity Opportunity { get; private set; } = null!;
    public bool Following { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.Status == OpportunityStatus.Published, ct);
        if (o is null) return NotFound();
        Opportunity = o;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Following = await db.OpportunityFollows.AnyAsync(f => f.OpportunityId == Id && f.UserId == userId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await follow.HandleAsync(Id, Follow, Actor.Of(User), ct);
        if (!result.Succeeded) return NotFound();
        TempData["StatusMessage"] = Follow ? "You are following it: we will e-mail you when it changes." : "You no longer follow it.";
        return Redirect($"/opportunities/{Id}");
    }
}

/// <summary>A signed-in user follows a published opportunity, or stops following it. Following twice is following.</summary>
public sealed class FollowOpportunity(PortalDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<bool>> HandleAsync(Guid id, bool follow, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return UseCaseResult<bool>.NotFound();
        if (!await db.Opportunities.AnyAsync(o => o.Id == id && o.Status == OpportunityStatus.Published, ct)) return UseCaseResult<bool>.NotFound();
        var existing = await db.OpportunityFollows.FirstOrDefaultAsync(f => f.OpportunityId == id && f.UserId == userId, ct);
        if (follow && existing is null) db.OpportunityFollows.Add(new OpportunityFollow(id, userId, clock.GetUtcNow()));
        if (!follow && existing is not null) db.OpportunityFollows.Remove(existing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (follow)
        {
            // The same user followed in another tab at the same moment: the unique index kept one.
        }
        return UseCaseResult<bool>.Done(follow);
    }
}
