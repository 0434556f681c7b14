using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails: <c>Portal:PublicBaseUrl</c> when it is set (background jobs have no
/// request to take it from), otherwise the current request's scheme and host.
/// </summary>
public sealed class PublicLinks(IOptions<PortalOptions> options, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "" : $"{request.Scheme}://{request.Host}";
        }
    }

    /// <summary>The absolute address of a path such as <c>/provider/passport</c>.</summary>
    public string To(string path) => BaseUrl + path;
}
