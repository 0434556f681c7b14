namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The CSP allows no inline script or style: every script
/// and stylesheet is a file served by the portal itself.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Process diagram pages only: Mermaid writes a &lt;style&gt; element and style attributes into the
    /// SVG it draws, so these pages allow inline styles. Scripts stay 'self' only (ADR 0006).
    /// </summary>
    public const string DiagramContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}

/// <summary>Marks a page that draws a process diagram (see <see cref="SecurityHeaders.DiagramContentSecurityPolicy"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class DrawsDiagramsAttribute : Microsoft.AspNetCore.Mvc.Filters.ResultFilterAttribute
{
    public override void OnResultExecuting(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context) =>
        context.HttpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.DiagramContentSecurityPolicy;
}
