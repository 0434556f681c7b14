using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Authorities;

/// <summary>An authority's home for its staff.</summary>
[Authorize(Policy = Policies.SameAuthority)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().Include(a => a.Localities).FirstOrDefaultAsync(a => a.Code == authority, ct);
        if (found is null) return NotFound();
        Authority = found;
        MyRoles = Roles.All.Where(User.IsInRole).ToList();
        return Page();
    }
}

/// <summary><c>/authority</c>: takes staff to their own authority.</summary>
[Authorize]
public sealed class MineModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.AuthorityCodeOf() is { } code) return Redirect($"/authority/{code}");
        return User.IsInRole(Roles.Administrator) ? Redirect("/admin/authorities") : Forbid();
    }
}
