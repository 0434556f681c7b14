
namespace CommissioningPortal.Web.Features.Panel;

/// <summary>A lived-experience panel member's home.</summary>
[Authorize(Policy = Policies.PanelMember)]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
