
namespace CommissioningPortal.Web.Features.Cookies;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}

/// <summary>
/// Hides the cookie notice: a plain form post, so it works without JavaScript. No antiforgery token:
/// the worst a forged post does is hide the notice, and the token would give every visitor who only
/// browses an antiforgery cookie.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class AcceptModel : PageModel
{
    public IActionResult OnPost(string? returnUrl)
    {
        Response.Cookies.Append(CookieNotice.CookieName, "seen", new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public IActionResult OnGet() => LocalRedirect("/cookies");
}

public static class CookieNotice
{
    public const string CookieName = "portal_cookie_notice";
}
