using System.Security.Claims;
using System.Security.Cryptography;
using CommissioningPortal.Data.Forms;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Marks a page whose POST creates something (on the page model, or on one handler method). Its
/// forms carry a one-time token (added by <see cref="OneTimeFormTagHelper"/>); the first POST with a
/// token claims it in the database and runs; a second POST with the same token — a double click, two
/// tabs, a retry — does not run again but is sent where the first one went. A POST that ends in the
/// page again (its errors shown) gives the token back, so the corrected form can be sent.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class OneTimeFormAttribute : Attribute
{
    public const string FieldName = "__FormToken";

    internal static bool IsOn(CompiledPageActionDescriptor page) =>
        page.HandlerTypeInfo.IsDefined(typeof(OneTimeFormAttribute), inherit: false) ||
        page.HandlerMethods.Any(h => h.MethodInfo.IsDefined(typeof(OneTimeFormAttribute), inherit: false));

    internal static bool IsOn(CompiledPageActionDescriptor page, HandlerMethodDescriptor? handler) =>
        page.HandlerTypeInfo.IsDefined(typeof(OneTimeFormAttribute), inherit: false) ||
        handler?.MethodInfo.IsDefined(typeof(OneTimeFormAttribute), inherit: false) == true;
}

/// <summary>Adds the one-time token to every POST form of a page marked <see cref="OneTimeFormAttribute"/>.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class OneTimeFormTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the antiforgery tag helper (order 0), so both hidden fields end the form.</summary>
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ActionDescriptor is not CompiledPageActionDescriptor page || !OneTimeFormAttribute.IsOn(page)) return;
        if (!string.Equals(context.AllAttributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OneTimeFormAttribute.FieldName}\" value=\"{FormSubmissions.NewToken()}\" />");
    }
}

/// <summary>Claims the token before a marked handler runs and records where it sent the browser.</summary>
internal sealed class OneTimeFormFilter(FormSubmissions submissions) : IAsyncPageFilter, IAsyncAlwaysRunResultFilter
{
    private const string ClaimedKey = "portal:form-token";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var token = HttpMethods.IsPost(http.Request.Method) && OneTimeFormAttribute.IsOn(context.ActionDescriptor, context.HandlerMethod) && http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted))[OneTimeFormAttribute.FieldName].ToString()
            : "";
        if (!FormSubmissions.IsWellFormed(token))
        {
            await next(); // not a marked form, or a form without a token (an older page, a script): it simply runs
            return;
        }

        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var claim = await submissions.ClaimAsync(token, userId, http.Request.Path, http.RequestAborted);
        switch (claim)
        {
            case FormClaim.Claimed:
                http.Items[ClaimedKey] = token;
                var executed = await next();
                if (executed.Exception is not null && !executed.ExceptionHandled)
                {
                    http.Items.Remove(ClaimedKey);
                    await submissions.ReleaseAsync(token, CancellationToken.None);
                }
                return;
            case FormClaim.Finished finished:
                context.Result = new RedirectResult(finished.ResultUrl);
                return;
            case FormClaim.StillRunning:
                context.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
                return;
            default:
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
        }
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var executed = await next();
        if (context.HttpContext.Items[ClaimedKey] is not string token) return;
        var response = context.HttpContext.Response;
        var location = response.Headers.Location.ToString();
        if (executed.Exception is null && response.StatusCode is >= 300 and < 400 && location.Length > 0)
        {
            await submissions.FinishAsync(token, location, CancellationToken.None);
        }
        else
        {
            // The page again (its errors, a preview), or a failure: the form may be sent again.
            await submissions.ReleaseAsync(token, CancellationToken.None);
        }
    }
}

/// <summary>What claiming a token found.</summary>
internal abstract record FormClaim
{
    public sealed record Claimed : FormClaim;

    public sealed record Finished(string ResultUrl) : FormClaim;

    public sealed record StillRunning : FormClaim;

    public sealed record NotYours : FormClaim;
}

/// <summary>The one-time form tokens, each claimed atomically by inserting its row (the token is the key).</summary>
public sealed class FormSubmissions(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long a second POST waits for the first to finish before it is told to try again.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(FormSubmission.TokenLength / 2));

    public static bool IsWellFormed(string token) =>
        token.Length == FormSubmission.TokenLength && token.All(char.IsAsciiHexDigitLower);

    internal async Task<FormClaim> ClaimAsync(string token, string? userId, string path, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await TryInsertAsync(token, userId, path, ct)) return new FormClaim.Claimed();

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var first = await db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);
            if (first is not null && (first.UserId != userId || first.Path != path)) return new FormClaim.NotYours();
            if (first?.ResultUrl is { } url) return new FormClaim.Finished(url);
            if (waited.Elapsed > WaitForFirst) return new FormClaim.StillRunning();
            // Still running, or just given back (its form had errors) and about to be claimed again by us.
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct); // real time: the first request is running now
        }
    }

    /// <summary>True when this request inserted the token's row (and so owns it); false when it was there already.</summary>
    private async Task<bool> TryInsertAsync(string token, string? userId, string path, CancellationToken ct)
    {
        // A scope of its own: a failed insert must not stay in the page's context for its own save.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        if (await db.FormSubmissions.AsNoTracking().AnyAsync(s => s.Token == token, ct)) return false;
        db.FormSubmissions.Add(new FormSubmission { Token = token, UserId = userId, Path = path, SubmittedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false; // the other request inserted it between our look and our insert
        }
        var old = now - KeepFor;
        await db.FormSubmissions.Where(s => s.SubmittedAt < old).ExecuteDeleteAsync(ct);
        return true;
    }

    internal async Task FinishAsync(string token, string resultUrl, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.FormSubmissions.Where(s => s.Token == token).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultUrl, resultUrl), ct);
    }

    internal async Task ReleaseAsync(string token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.FormSubmissions.Where(s => s.Token == token).ExecuteDeleteAsync(ct);
    }
}
