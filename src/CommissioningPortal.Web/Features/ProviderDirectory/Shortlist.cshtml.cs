using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// A signed-in person's shortlist of providers: saved from search results or a profile with plain
/// POST forms that come back to where they were; shown with checks and capacity; CSV download.
/// </summary>
[Authorize(Policy = Policies.Shortlist)]
public sealed class ShortlistModel(Shortlists shortlists, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ShortlistRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await shortlists.ListAsync(Shortlists.UserIdOf(User), clock.GetUtcNow(), ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await shortlists.ListAsync(Shortlists.UserIdOf(User), clock.GetUtcNow(), ct);
        return File(Csv.Bytes(
            ["Provider", "Kind of provider", "Verified", "Services", "Services with hours free now", "Hours free a week now", "Earliest start", "Capacity out of date", "Saved", "Profile"],
            rows, r =>
            [
                r.Name, Provider.KindDisplayName(r.Kind), r.Verified, r.Services, r.ServicesWithCapacityNow, r.HoursFreeNow,
                r.EarliestStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.CapacityStale, r.AddedAt,
                $"{Request.Scheme}://{Request.Host}/directory/{r.ProviderId}",
            ]), Csv.ContentType, "shortlist.csv");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid providerId, string? returnUrl, CancellationToken ct)
    {
        if (!await shortlists.AddAsync(Shortlists.UserIdOf(User), providerId, clock.GetUtcNow(), ct)) return NotFound();
        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid providerId, string? returnUrl, CancellationToken ct)
    {
        await shortlists.RemoveAsync(Shortlists.UserIdOf(User), providerId, ct);
        return Back(returnUrl);
    }

    private IActionResult Back(string? returnUrl) =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/directory/shortlist");
}
