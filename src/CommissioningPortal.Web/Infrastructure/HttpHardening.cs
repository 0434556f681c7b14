using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// HTTP as an assessor checks it: HSTS for a year with subdomains and a redirect to HTTPS outside
/// Development (<c>Portal:Hsts</c> and <c>Portal:HttpsRedirection</c> turn them off where a proxy already does it),
/// <c>Cache-Control: no-store</c> on everything a signed-in person is shown and on every download,
/// no TempData cookie sent to a visitor who has none, compressed HTML and JSON, no
/// <c>Server</c> header, and <c>robots.txt</c>, <c>sitemap.xml</c> and a favicon.
/// </summary>
public static class HttpHardening
{
    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear(); // HSTS is on only outside Development, where loopback names are a proxy's, not a developer's
        });
        services.AddHttpsRedirection(o =>
        {
            if (builder.Configuration.GetValue<int?>("Portal:HttpsPort") is { } port) o.HttpsPort = port;
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<CookieTempDataProvider>();
        services.RemoveAll<ITempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        return builder;
    }

    /// <summary>Before routing: HSTS and the HTTPS redirect (outside Development), compression, no-store.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        var production = !app.Environment.IsDevelopment();
        if (app.Configuration.GetValue("Portal:Hsts", production)) app.UseHsts();
        if (app.Configuration.GetValue("Portal:HttpsRedirection", production)) app.UseHttpsRedirection();
        app.UseResponseCompression();
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                // Static assets set their own long-lived caching; everything else that is personal is never stored.
                var download = headers.ContentDisposition.Count > 0;
                if (download || (http.User.Identity?.IsAuthenticated == true && headers.CacheControl.Count == 0))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }

    /// <summary><c>robots.txt</c>, <c>sitemap.xml</c> (public pages only) and <c>/favicon.ico</c>.</summary>
    public static WebApplication MapSiteFiles(this WebApplication app)
    {
        app.MapGet("/robots.txt", static () => Results.Text(
            """
            User-agent: *
            Disallow: /account/
            Disallow: /admin/
            Disallow: /agreements/
            Disallow: /authority/
            Disallow: /evidence/
            Disallow: /frameworks/
            Disallow: /my-support
            Disallow: /panel
            Disallow: /processes/
            Disallow: /provider/
            Disallow: /tasks
            Disallow: /verification
            Sitemap: /sitemap.xml
            """ + "\n", "text/plain; charset=utf-8")).AllowAnonymous();
        app.MapGet("/sitemap.xml", static async (PortalDbContext db, PublicLinks links, CancellationToken ct) =>
        {
            var pages = await db.ContentPages.AsNoTracking().Where(p => p.PublishedRevisionId != null).Select(p => p.Slug).ToListAsync(ct);
            var paths = new List<string> { "/", "/directory", "/api/openreferral/" };
            paths.AddRange(pages.Where(s => s != "home").Order(StringComparer.Ordinal).Select(s => $"/pages/{s}"));
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var path in paths) xml.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(links.To(path))).Append("</loc></url>\n");
            xml.Append("</urlset>\n");
            return Results.Text(xml.ToString(), "application/xml; charset=utf-8");
        }).AllowAnonymous();
        app.MapGet("/favicon.ico", static () => Results.Redirect("/_content/CommissioningPortal.Themes.Saltire/favicon.svg", permanent: true)).AllowAnonymous();
        return app;
    }
}
