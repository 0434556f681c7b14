using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>
/// The verification queue: passport items waiting to be checked, oldest first, for commissioners
/// of any authority and administrators. Filter by the kind of item and the kind of provider.
/// </summary>
[Authorize(Policy = Policies.Verifier)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, Guid ProviderId, string ProviderName, ProviderKind ProviderKind, PassportItemKind Kind,
        string? Number, DateOnly? ExpiresOn, string? EvidenceFileName, DateTimeOffset CreatedAt);

    [BindProperty(SupportsGet = true)] public PassportItemKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ProviderKind? ProviderKind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!FiltersValid()) return BadFilters();
        var rows = Rows();
        Total = await rows.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!FiltersValid()) return BadFilters();
        var rows = await Rows().ToListAsync(ct);
        return File(Csv.Bytes(["Provider", "Kind of provider", "Item", "Number", "Expires on", "Evidence", "Waiting since", "Link"], rows,
            r => [r.ProviderName, Provider.KindDisplayName(r.ProviderKind), PassportItem.KindDisplayName(r.Kind), r.Number,
                  r.ExpiresOn?.ToString("yyyy-MM-dd"), r.EvidenceFileName, r.CreatedAt.ToString("yyyy-MM-dd"),
                  $"{Request.Scheme}://{Request.Host}/verification/{r.Id}"]),
            Csv.ContentType, "verification-queue.csv");
    }

    public string QueryFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(), ["providerKind"] = ProviderKind?.ToString(), ["p"] = page == 1 ? null : page.ToString(),
        }.Where(kv => kv.Value is not null)).ToUriComponent();

    private IQueryable<Row> Rows()
    {
        var waiting = VerificationQueue.Waiting(db);
        if (Kind is { } kind) waiting = waiting.Where(i => i.Kind == kind);
        var providers = db.Providers.AsNoTracking();
        if (ProviderKind is { } providerKind) providers = providers.Where(p => p.Kind == providerKind);
        return from i in waiting
               join p in providers on i.ProviderId equals p.Id
               orderby i.CreatedAt, i.Id
               select new Row(i.Id, p.Id, p.Name, p.Kind, i.Kind, i.Number, i.ExpiresOn, i.EvidenceFileName, i.CreatedAt);
    }

    /// <summary>A filter value that is not one of the choices: say which, in plain words.</summary>
    private bool FiltersValid()
    {
        if (ModelState.GetFieldValidationState(nameof(Kind)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState[nameof(Kind)]!.Errors.Clear();
            ModelState.AddModelError(nameof(Kind), "Choose a kind of check from the list");
        }
        if (ModelState.GetFieldValidationState(nameof(ProviderKind)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState[nameof(ProviderKind)]!.Errors.Clear();
            ModelState.AddModelError(nameof(ProviderKind), "Choose a kind of provider from the list");
        }
        if (Kind is { } k && !Enum.IsDefined(k)) ModelState.AddModelError(nameof(Kind), "Choose a kind of check from the list");
        if (ProviderKind is { } pk && !Enum.IsDefined(pk)) ModelState.AddModelError(nameof(ProviderKind), "Choose a kind of provider from the list");
        return ModelState.IsValid;
    }

    private PageResult BadFilters()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
