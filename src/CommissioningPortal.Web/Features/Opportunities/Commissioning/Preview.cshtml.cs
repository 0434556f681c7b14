using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary><c>/authority/{authority}/opportunities/{id}/preview</c>: the opportunity exactly as its public page will show it.</summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
public sealed class PreviewModel(PortalDbContext db, ContentRenderer renderer) : PageModel
{
    [FromRoute] public string Authority { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }
    public OpportunityView View { get; private set; } = null!;
    public IReadOnlyList<string> PublishProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().AsSplitQuery().Include(x => x.Lots).Include(x => x.Changes).Include(x => x.Documents)
            .FirstOrDefaultAsync(x => x.Id == Id && x.AuthorityId == User.AuthorityIdOf(), ct);
        if (o is null) return NotFound();
        var authorityName = await db.Authorities.Where(a => a.Id == o.AuthorityId).Select(a => a.Name).SingleAsync(ct);
        View = new OpportunityView(o, authorityName, o.Description is { } d ? renderer.MarkdownToSafeHtml(d) : null, await OpportunityView.NamesAsync(db, o, ct), Preview: true);
        if (o.Status == OpportunityStatus.Draft) PublishProblems = o.PublishProblems(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        return Page();
    }
}
