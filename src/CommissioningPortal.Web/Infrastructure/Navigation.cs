using System.Security.Claims;

using CommissioningPortal.Themes.Saltire;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Who a navigation entry is for before any role or policy is checked.</summary>
public enum NavigationAudience
{
    Everyone,
    SignedIn,
    SignedOut,
}

/// <summary>
/// One entry in the main navigation, contributed by the feature that owns the page (as an Orchard Core
/// module brings its navigation provider). Shown when the audience matches and, when given, the user holds
/// one of <see cref="Roles"/> and satisfies <see cref="Policy"/>. <see cref="Badge"/> names a view
/// component that draws a count beside the text.
/// </summary>
public sealed record NavigationItem(string Href, string Text, int Order)
{
    public NavigationAudience Audience { get; init; } = NavigationAudience.Everyone;
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? Policy { get; init; }
    public string? Badge { get; init; }
}

public static class NavigationRegistration
{
    /// <summary>Adds a feature's entries to the main navigation.</summary>
    public static WebApplicationBuilder AddNavigation(this WebApplicationBuilder builder, params NavigationItem[] items)
    {
        foreach (var item in items) builder.Services.AddSingleton(item);
        return builder;
    }

    /// <summary>The entries this user may see, in order.</summary>
    public static async Task<IReadOnlyList<NavigationItem>> VisibleToAsync(this IEnumerable<NavigationItem> items, ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var visible = new List<NavigationItem>();
        foreach (var item in items.OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal))
        {
            if (item.Audience == NavigationAudience.SignedIn && !signedIn) continue;
            if (item.Audience == NavigationAudience.SignedOut && signedIn) continue;
            if (item.Roles.Count > 0 && !(signedIn && item.Roles.Any(user.IsInRole))) continue;
            if (item.Policy is { } policy && !(signedIn && (await authorization.AuthorizeAsync(user, policy)).Succeeded)) continue;
            visible.Add(item);
        }
        return visible;
    }
}

/// <summary>Gives the theme the links this user may follow; the theme only draws them.</summary>
public sealed class MainNavigationViewComponent(IEnumerable<NavigationItem> items, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var path = HttpContext.Request.Path.Value ?? "/";
        var visible = await items.VisibleToAsync(HttpContext.User, authorization);
        var links = visible.Select(i => new NavigationLink(i.Href, i.Text, IsCurrent(i.Href, path), path.Equals(i.Href, StringComparison.OrdinalIgnoreCase), i.Badge)).ToList();
        return View(new MainNavigation(links, HttpContext.User.Identity?.IsAuthenticated == true));
    }

    private static bool IsCurrent(string href, string path) => href == "/"
        ? path == "/"
        : path.Equals(href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
}
