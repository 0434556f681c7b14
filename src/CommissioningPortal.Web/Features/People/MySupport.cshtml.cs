
namespace CommissioningPortal.Web.Features.People;

/// <summary>A supported person's (or representative's) home.</summary>
[Authorize(Policy = Policies.Person)]
public sealed class MySupportModel : PageModel
{
    public void OnGet() { }
}
