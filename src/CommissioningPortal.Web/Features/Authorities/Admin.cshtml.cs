using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Authorities;

/// <summary>An authority's admin pages: only its own commissioners (and portal administrators).</summary>
[Authorize(Policy = Policies.AuthorityAdmin)]
public sealed class AdminModel(PortalDbContext db) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public sealed record StaffMember(string Name, string Email, IReadOnlyList<string> Roles, bool TwoFactor);

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct)
    {
        if (!await LoadAsync(authority, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string authority, CancellationToken ct)
    {
        if (!await LoadAsync(authority, ct)) return NotFound();
        var bytes = Csv.Bytes(["Name", "E-mail", "Roles", "Two-step verification"], Staff,
            s => [s.Name, s.Email, string.Join("; ", s.Roles), s.TwoFactor]);
        return File(bytes, Csv.ContentType, $"{Authority.Code}-staff.csv");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().Include(a => a.Localities).FirstOrDefaultAsync(a => a.Code == code, ct);
        if (found is null) return false;
        Authority = found;
        var users = await db.Users.AsNoTracking().Where(u => u.AuthorityId == found.Id)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        Staff = users.Select(u => new StaffMember(u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.TwoFactorEnabled)).ToList();
        return true;
    }
}
