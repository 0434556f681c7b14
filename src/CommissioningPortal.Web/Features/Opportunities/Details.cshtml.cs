using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary><c>/opportunities/{id}</c>: one published opportunity, summary first; its description's Markdown sanitised. A draft is not found.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PortalDbContext db, ContentRenderer renderer) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public string AuthorityName { get; private set; } = "";
    public string? DescriptionHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().AsSplitQuery().Include(o => o.Lots).Include(o => o.Changes)
            .FirstOrDefaultAsync(o => o.Id == id && o.Status != OpportunityStatus.Draft, ct);
        if (opportunity is null) return NotFound();
        Opportunity = opportunity;
        AuthorityName = await db.Authorities.Where(a => a.Id == opportunity.AuthorityId).Select(a => a.Name).FirstAsync(ct);
        DescriptionHtml = opportunity.Description is { } d ? renderer.MarkdownToSafeHtml(d) : null;
        return Page();
    }
}
