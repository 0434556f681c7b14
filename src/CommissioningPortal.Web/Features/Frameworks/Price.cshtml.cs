using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/members/{memberId}/price</c>: a member's revised price in the open round, from a date.</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class PriceModel(PortalDbContext db, RevisePrice revise, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Rate { get; set; }
    [BindProperty] public string? RateUnit { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }

    public Framework Framework { get; private set; } = null!;
    public Lot Lot { get; private set; } = null!;
    public LotMember Member { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        RateUnit ??= Member.RateOn(Today)?.Unit.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var result = await revise.HandleAsync(new RevisePrice.Input(id, memberId, Rate, RateUnit, EffectiveFrom), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, memberId, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"{ProviderNameOf(memberId)}'s rate on this lot is {result.Value!.Text} from {result.Value.EffectiveFrom:d MMMM yyyy}.";
        return Redirect($"/frameworks/{id}");
    }

    private string ProviderNameOf(Guid memberId) =>
        db.LotMembers.Where(m => m.Id == memberId).Join(db.Providers, m => m.ProviderId, p => p.Id, (m, p) => p.Name).FirstOrDefault() ?? "The provider";

    private async Task<bool> LoadAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var framework = await db.Mine(User).AsNoTracking().Include(f => f.Rounds).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        var found = await (from m in db.LotMembers.AsNoTracking().Include(m => m.Rates)
                           join l in db.Lots.AsNoTracking() on m.LotId equals l.Id
                           join p in db.Providers on m.ProviderId equals p.Id
                           where m.Id == memberId && l.FrameworkId == id
                           select new { Member = m, Lot = l, p.Name }).FirstOrDefaultAsync(ct);
        if (found is null) return false;
        (Framework, Member, Lot, ProviderName) = (framework, found.Member, found.Lot, found.Name);
        return true;
    }
}
