using System.Globalization;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Authorities;

/// <summary><c>/authority/{authority}/policies</c>: the authority's target times and delegated authority (<see cref="SetAuthorityPolicies"/>).</summary>
[Authorize(Policy = Policies.AuthorityAdmin)]
[OneTimeForm]
public sealed class PoliciesModel(PortalDbContext db, SetAuthorityPolicies set) : PageModel
{
    [BindProperty] public string? OfferTargetDays { get; set; }
    [BindProperty] public string? ApprovalTargetDays { get; set; }
    [BindProperty] public string? PractitionerWeeklyLimit { get; set; }
    [BindProperty] public string? CarryOverWeeks { get; set; }

    public Authority Authority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct)
    {
        if (!await LoadAsync(authority, ct)) return NotFound();
        OfferTargetDays = Authority.OfferTargetDays.ToString(CultureInfo.InvariantCulture);
        ApprovalTargetDays = Authority.ApprovalTargetDays.ToString(CultureInfo.InvariantCulture);
        PractitionerWeeklyLimit = Authority.PractitionerWeeklyLimit?.ToString("0.00", CultureInfo.InvariantCulture);
        CarryOverWeeks = Authority.DefaultCarryOverWeeks?.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string authority, CancellationToken ct)
    {
        var result = await set.HandleAsync(new SetAuthorityPolicies.Input(authority, OfferTargetDays, ApprovalTargetDays, PractitionerWeeklyLimit, CarryOverWeeks), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(authority, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = "Policies saved.";
        return Redirect($"/authority/{authority}/policies");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (found is null) return false;
        Authority = found;
        return true;
    }
}
