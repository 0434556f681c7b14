using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// When the database cannot be reached (server down, network gone, SQLite file unreachable or busy), people get
/// a plain "try again shortly" page with status 503 and <c>Retry-After</c> instead of the generic error, and
/// the API gets the same as problem details. Nothing is cached or remembered about the outage: the next
/// request after the database returns simply works (the connection pools reconnect by themselves).
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 30;

    /// <summary>Whether <paramref name="error"/> (or anything inside it) says the database could not be reached.</summary>
    public static bool IsOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException or TimeoutException:
                case SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 }: // busy, locked, I/O error, cannot open
                case DbException { IsTransient: true }: // PostgreSQL and SQL Server: connection refused, reset, timed out
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage)) return true;
        }
        return false;
    }

    /// <summary>
    /// The page's body, written directly (the caller has set 503 and <c>Retry-After</c>): the usual layout asks the
    /// database for menu badges, so it cannot be used now.
    /// </summary>
    public static Task WritePageAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(context.Request.Path.HasValue && context.Request.Method == "GET" ? context.Request.Path.Value : "/");
        return context.Response.WriteAsync(
            $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Sorry, the service is unavailable – Commissioning Portal</title>
                <link rel="stylesheet" href="/_content/CommissioningPortal.Themes.Saltire/vendor/sgds/design-system.min.css" />
            </head>
            <body>
                <div class="ds_page">
                    <header class="ds_site-header" role="banner">
                        <div class="ds_wrapper"><p class="ds_site-header__title">Commissioning Portal</p></div>
                    </header>
                    <main class="ds_wrapper ds_layout" id="main-content">
                        <div class="ds_layout__content">
                            <h1 class="ds_page-header__title">Sorry, the service is unavailable</h1>
                            <p>The portal cannot reach its records for a moment. Nothing you had already saved has been lost.</p>
                            <p>If you were sending a form, it was not saved: go back, and send it again in a minute.</p>
                            <p><a href="{{back}}">Try again</a></p>
                        </div>
                    </main>
                </div>
            </body>
            </html>
            """);
    }
}
