using Microsoft.AspNetCore.Diagnostics;

namespace CommissioningPortal.Web.Features.Errors;

/// <summary>The friendly error page: plain words, a way back, no stack traces.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>The statuses this page explains and may be asked for directly.</summary>
    public static readonly IReadOnlySet<int> Known = new HashSet<int> { 400, 403, 404, 409, 429, 500 };

    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed by status code pages or after an unhandled error: keep the original status. Visited directly: the
        // route's, if it is an error this page knows; any other number (/error/99, /error/302) is a page that does not exist.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = reExecuted ? Response.StatusCode
            : code is null ? 500
            : Known.Contains(code.Value) ? code.Value
            : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        (Heading, Explanation) = status switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."),
            403 => ("You do not have access to this page", "This page belongs to another organisation or needs a different role. If you think you should have access, contact your administrator."),
            409 => ("Someone else changed this at the same time", "Nothing you entered has been lost on our side, but your change was not saved. Go back, reload the page and try again."),
            429 => ("Too many attempts", "Please wait a minute and try again."),
            400 => ("Something in the request was not right", "Go back and check what you entered."),
            _ => ("Sorry, there is a problem with the service", "Try again later. Nothing you had already saved has been lost."),
        };
    }
}
