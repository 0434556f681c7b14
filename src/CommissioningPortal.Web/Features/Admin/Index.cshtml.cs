
namespace CommissioningPortal.Web.Features.Admin;

/// <summary>The administrator's home (the /Admin folder is authorised for administrators).</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public int AuthorityCount { get; private set; }
    public int UserCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AuthorityCount = await db.Authorities.CountAsync(ct);
        UserCount = await db.Users.CountAsync(ct);
    }
}
