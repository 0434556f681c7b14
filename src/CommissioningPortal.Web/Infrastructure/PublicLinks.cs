using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails, built only from <c>Portal:PublicBaseUrl</c> — never from the request,
/// whose Host header anyone can write (a reset link to <c>http://evil.example/…?code=…</c> would hand
/// the token to whoever owns that host). Outside Development the setting is required.
/// </summary>
public sealed class PublicLinks(IOptions<PortalOptions> options)
{
    public const string Setting = "Portal:PublicBaseUrl";

    /// <summary>Where <c>dotnet run</c> listens (launchSettings.json): the default in Development only.</summary>
    public const string DevelopmentBaseUrl = "http://127.0.0.1:5080";

    public string BaseUrl => options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : DevelopmentBaseUrl;

    /// <summary>The absolute address of a path such as <c>/provider/passport</c>.</summary>
    public string To(string path) => BaseUrl + path;

    /// <summary>
    /// Checks the setting at start-up (outside Development it must be an absolute http(s) address) and,
    /// unless <c>AllowedHosts</c> names hosts itself, answers only requests addressed to its host.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Setting];
        var development = builder.Environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (development) return;
            throw new InvalidOperationException(
                $"{Setting} is not set. Outside Development the portal needs the public address people reach it at, for the links in its e-mails " +
                $"(password resets, confirmations): set it, e.g. Portal__PublicBaseUrl=https://sds.example.gov.scot, and start again.");
        }
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Setting} is '{configured}', which is not an absolute http(s) address like https://sds.example.gov.scot.");
        }

        var allowed = builder.Configuration["AllowedHosts"];
        if (!development && (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"))
        {
            builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [uri.IdnHost]);
        }
    }
}
