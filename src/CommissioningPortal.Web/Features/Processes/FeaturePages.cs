namespace CommissioningPortal.Web.Features.Processes;

/// <summary>
/// Where a feature takes the steps it owns: a feature registers the page for its business keys
/// (e.g. <c>agreement:{id}</c> is <c>/agreements/{id}</c>), so the process page and the task inbox
/// send people there instead of firing the step themselves.
/// </summary>
public sealed class FeaturePages(IEnumerable<FeaturePages.Registration> registrations)
{
    /// <summary>Business keys <c>{Prefix}:{rest}</c> are handled at <c>Page(rest)</c>.</summary>
    public sealed record Registration(string Prefix, Func<string, string> Page);

    private readonly Dictionary<string, Func<string, string>> _pages = registrations.ToDictionary(r => r.Prefix, r => r.Page, StringComparer.Ordinal);

    /// <summary>The feature's page for the instance with this business key; null when no feature registered it.</summary>
    public string? For(string? businessKey)
    {
        var colon = businessKey?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (businessKey is null || colon <= 0) return null;
        return _pages.TryGetValue(businessKey[..colon], out var page) ? page(businessKey[(colon + 1)..]) : null;
    }
}
