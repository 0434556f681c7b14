using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// <c>/authority/{authority}/opportunities/{id}/publish</c>: the confirmation before publishing (what will happen,
/// and anything that stops it), then <see cref="PublishOpportunity"/>.
/// </summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
public sealed class PublishModel(PortalDbContext db, PublishOpportunity publish, TimeProvider clock) : PageModel
{
    [FromRoute] public string Authority { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }
    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int MatchingSearches { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await publish.HandleAsync(Id, Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "Published. It is now on the public list of opportunities, and providers whose saved searches match it have been e-mailed.";
            return Redirect($"/authority/{Authority}/opportunities/{Id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().Include(x => x.Lots).FirstOrDefaultAsync(x => x.Id == Id && x.AuthorityId == User.AuthorityIdOf(), ct);
        if (o is null || o.Status != OpportunityStatus.Draft) return false;
        Opportunity = o;
        Problems = o.PublishProblems(clock.GetUtcNow());
        var searches = await db.SavedSearches.AsNoTracking().ToListAsync(ct);
        MatchingSearches = searches.Where(s => s.Matches(o)).Select(s => s.UserId).Distinct().Count();
        return true;
    }
}
