using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// <c>/frameworks/{id}/members/{memberId}/suspend|withdraw|reinstate</c>: a confirmation page with
/// the reason, then the change. Suspending and withdrawing take the provider off the framework at once.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class MemberModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public Framework Framework { get; private set; } = null!;
    public Lot Lot { get; private set; } = null!;
    public LotMember Member { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public string Change { get; private set; } = "";

    public string Verb => Change switch { "suspend" => "Suspend", "withdraw" => "Withdraw", _ => "Reinstate" };

    public string Heading => Change switch
    {
        "suspend" => $"Suspend {ProviderName} on lot {Lot.Number}?",
        "withdraw" => $"Withdraw {ProviderName} from lot {Lot.Number}?",
        _ => $"Reinstate {ProviderName} on lot {Lot.Number}?",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, string change, CancellationToken ct) =>
        await LoadAsync(id, memberId, change, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId, string change, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, change, ct)) return NotFound();
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) ModelState.AddModelError(nameof(Reason), $"Give the reason to {Verb.ToLowerInvariant()} them.");
        else if (reason.Length > LotMember.MaxReasonLength) ModelState.AddModelError(nameof(Reason), $"The reason must be {LotMember.MaxReasonLength:#,0} characters or fewer.");
        if (Framework.Status == FrameworkStatus.Ended) ModelState.AddModelError("", "This framework has ended: its providers' standing can no longer change.");
        if (!ModelState.IsValid) return this.BadRequestPage();

        var now = clock.GetUtcNow();
        try
        {
            switch (Change)
            {
                case "suspend": Member.Suspend(reason!, now, User.DisplayNameOf()); break;
                case "withdraw": Member.Withdraw(reason!, now, User.DisplayNameOf()); break;
                default: Member.Reinstate(reason!, now, User.DisplayNameOf()); break;
            }
        }
        catch (FrameworkRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return this.BadRequestPage();
        }
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = Change switch
        {
            "suspend" => $"{ProviderName} is suspended on lot {Lot.Number}: they no longer show as on your framework.",
            "withdraw" => $"{ProviderName} is withdrawn from lot {Lot.Number}.",
            _ => $"{ProviderName} is reinstated on lot {Lot.Number}.",
        };
        return Redirect($"/frameworks/{id}#lot-{Lot.Number}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid memberId, string change, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        var found = await (from m in db.LotMembers
                           join l in db.Lots on m.LotId equals l.Id
                           join p in db.Providers on m.ProviderId equals p.Id
                           where m.Id == memberId && l.FrameworkId == id
                           select new { Member = m, Lot = l, p.Name }).FirstOrDefaultAsync(ct);
        if (found is null) return false;
        Framework = framework;
        Member = found.Member;
        Lot = found.Lot;
        ProviderName = found.Name;
        Change = change.ToLowerInvariant();
        return true;
    }
}
