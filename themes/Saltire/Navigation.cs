namespace CommissioningPortal.Themes.Saltire;

/// <summary>A link in the main navigation, as the portal decided it (the theme does not judge roles).</summary>
/// <param name="Current">The page is this section or below it.</param>
/// <param name="CurrentPage">The page is exactly this link.</param>
/// <param name="Badge">A view component to invoke beside the text (a count), or null.</param>
public sealed record NavigationLink(string Href, string Text, bool Current, bool CurrentPage, string? Badge);

/// <summary>What the theme draws as the main navigation.</summary>
public sealed record MainNavigation(IReadOnlyList<NavigationLink> Links, bool SignedIn);
