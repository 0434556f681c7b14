using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// The cookie TempData provider, except that a visitor who holds no TempData cookie and is given no
/// message is not sent a cookie-deleting <c>Set-Cookie</c> on every page (MVC's provider sends one whenever
/// TempData is read). Without it every public page carried a cookie header, defeating shared caches and
/// confusing cookie audits.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string _cookieName = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if ((values is null || values.Count == 0) && !HoldsCookie(context)) return;
        inner.SaveTempData(context, values!);
    }

    // Large TempData is chunked into name, nameC1, nameC2…
    private bool HoldsCookie(HttpContext context) =>
        context.Request.Cookies.Keys.Any(k => k.StartsWith(_cookieName, StringComparison.Ordinal));
}
