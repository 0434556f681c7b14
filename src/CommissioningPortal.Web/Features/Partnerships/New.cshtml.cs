using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>A commissioner forms a workspace, from a PSP invitation or alliance expression of interest, or directly.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class NewModel(PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? OpportunityId { get; set; }
    [BindProperty] public PartnershipKind? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }

    public IReadOnlyList<(string Value, string Text)> Opportunities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (OpportunityId is { } id && await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.AuthorityId == User.AuthorityIdOf(), ct) is { } o)
        {
            Name ??= o.Title;
            Purpose ??= o.Summary;
        }
    }

    public async Task<IActionResult> OnPostAsync([FromServices] FormPartnership form, CancellationToken ct)
    {
        var result = await form.HandleAsync(new FormPartnership.Input(Kind, Name, Purpose, OpportunityId), User, ct);
        if (!result.Succeeded)
        {
            await LoadAsync(ct);
            return this.Refused(result);
        }
        TempData["StatusMessage"] = "The partnership's workspace is ready. Invite its members: providers, people with lived experience and anyone else whose voice it needs.";
        return Redirect($"/partnerships/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var authority = User.AuthorityIdOf();
        var taken = db.Partnerships.Where(p => p.OpportunityId != null).Select(p => p.OpportunityId);
        Opportunities = (await db.Opportunities.AsNoTracking()
                .Where(o => o.AuthorityId == authority && (o.Kind == OpportunityKind.PublicSocialPartnership || o.Kind == OpportunityKind.AllianceExpressionOfInterest) && !taken.Contains(o.Id))
                .OrderBy(o => o.Title).Select(o => new { o.Id, o.Title, o.Kind }).ToListAsync(ct))
            .Select(o => (o.Id.ToString(), $"{o.Title} ({OpportunityNames.Kind(o.Kind)})")).ToList();
    }
}
