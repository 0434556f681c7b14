namespace CommissioningPortal.Web.Features.Insight;

/// <summary><c>/insight</c> (the menu's link): on to the signed-in commissioner's own authority's insight pages.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class StartModel : PageModel
{
    public IActionResult OnGet() => User.AuthorityCodeOf() is { } code ? Redirect($"/authority/{code}/insight") : NotFound();
}
