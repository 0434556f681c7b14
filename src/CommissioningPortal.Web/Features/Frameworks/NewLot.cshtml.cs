using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/lots/new</c>: a lot, by type of support, client group and localities (each optional).</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class NewLotModel(PortalDbContext db, DirectorySearch search) : PageModel
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
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Framework.Status == FrameworkStatus.Ended) ModelState.AddModelError("", "This framework has ended: it cannot have new lots.");
        var title = Title?.Trim();
        if (string.IsNullOrEmpty(title)) ModelState.AddModelError(nameof(Title), "Enter the lot's title.");
        else if (title.Length > Lot.MaxTitleLength) ModelState.AddModelError(nameof(Title), $"The title must be {Lot.MaxTitleLength} characters or fewer.");
        if (!string.IsNullOrWhiteSpace(SupportType) && Reference.SupportTypes.All(t => t.Code != SupportType))
        {
            ModelState.AddModelError(nameof(SupportType), "Choose a type of support from the list.");
        }
        if (!string.IsNullOrWhiteSpace(ClientGroup) && Reference.ClientGroups.All(t => t.Code != ClientGroup))
        {
            ModelState.AddModelError(nameof(ClientGroup), "Choose who the lot is for from the list.");
        }
        var localityIds = new List<Guid>();
        foreach (var value in Localities.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
        {
            if (Guid.TryParse(value, out var localityId) && AuthorityLocalities.Any(l => l.Id == localityId)) localityIds.Add(localityId);
            else
            {
                ModelState.AddModelError(nameof(Localities), "Choose localities of your authority from the list.");
                break;
            }
        }
        if (!ModelState.IsValid) return this.BadRequestPage();

        var number = (await db.Lots.Where(l => l.FrameworkId == id).MaxAsync(l => (int?)l.Number, ct) ?? 0) + 1;
        var lot = new Lot
        {
            FrameworkId = id, Number = number, Title = title!,
            SupportType = string.IsNullOrWhiteSpace(SupportType) ? null : SupportType,
            ClientGroup = string.IsNullOrWhiteSpace(ClientGroup) ? null : ClientGroup,
            LocalityIds = localityIds,
        };
        db.Lots.Add(lot);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Lot {number} added.";
        return Redirect($"/frameworks/{id}#lot-{number}");
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
