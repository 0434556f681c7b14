using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Admin;

public sealed class UsersModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Name, string Email, string Roles, string BelongsTo, bool EmailConfirmed, DateTimeOffset? LockedUntil);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Csv.Bytes(["Name", "E-mail", "Roles", "Belongs to", "E-mail confirmed", "Locked until"], await LoadAsync(ct),
                r => [r.Name, r.Email, r.Roles, r.BelongsTo, r.EmailConfirmed, r.LockedUntil]),
            Csv.ContentType, "users.csv");

    private async Task<List<Row>> LoadAsync(CancellationToken ct)
    {
        var authorities = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new Row(
            u.DisplayName,
            u.Email ?? "",
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Roles.DisplayName(r.Name!))),
            u.AuthorityId is { } a && authorities.TryGetValue(a, out var an) ? an
                : u.ProviderId is { } p && providers.TryGetValue(p, out var pn) ? pn : "",
            u.EmailConfirmed,
            u.LockoutEnd > now ? u.LockoutEnd : null)).ToList();
    }
}
