
namespace CommissioningPortal.Web.Features.Account;

/// <summary><c>/home</c>: each role's own home page.</summary>
[Authorize]
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(RoleHome.For(User));
}
