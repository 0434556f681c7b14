using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/lots/new</c>: a lot, by type of support, client group and localities (each optional) (<see cref="AddLot"/>).</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class NewLotModel(PortalDbContext db, DirectorySearch search, AddLot addLot) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? SupportType { get; set; }
    [BindProperty] public string? ClientGroup { get; set; }
    [BindProperty] public List<string> Localities { get; set; } = [];

    public Framework Framework { get; private set; } = null!;
    public DirectoryReference Reference { get; private set; } = null!;
    public IReadOnlyList<Locality> AuthorityLocalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await addLot.HandleAsync(new AddLot.Input(id, Title, SupportType, ClientGroup, Localities), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Lot {result.Value!.Number} added.";
        return Redirect($"/frameworks/{id}#lot-{result.Value.Number}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        Framework = framework;
        Reference = await search.ReferenceAsync(ct);
        AuthorityLocalities = await db.Localities.AsNoTracking().Where(l => l.AuthorityId == framework.AuthorityId).OrderBy(l => l.Name).ToListAsync(ct);
        return true;
    }
}
