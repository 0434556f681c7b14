using Xunit;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// Where the official open-data schemas are (HSDS 3.0, OCDS 1.1, …). They are not ours to copy into
/// the repository, so the checks against them read the folder named by <c>OPEN_DATA_SCHEMAS</c>, which
/// holds one sub-folder per standard (<c>hsds-3.0/</c>, <c>ocds-1.1/</c>). <c>./test.sh</c> sets it when a
/// <c>shared/standards</c> folder sits beside the clone. Without it, a check against a schema is
/// skipped with the reason; the project's own conformance assertions run either way.
/// </summary>
public static class OpenDataSchemas
{
    public const string Variable = "OPEN_DATA_SCHEMAS";

    public const string Hsds = "hsds-3.0";
    public const string Ocds = "ocds-1.1";

    /// <summary>The folder of <paramref name="standard"/>'s schemas, or null with why it is not there.</summary>
    public static string? Find(string standard, out string reason)
    {
        var root = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(root))
        {
            reason = $"{Variable} is not set, so the {standard} schemas are not available (./test.sh sets it when ../shared/standards exists beside the clone).";
            return null;
        }
        var folder = Path.Combine(Path.GetFullPath(root), standard);
        if (!Directory.Exists(folder))
        {
            reason = $"{Variable}={root} has no {standard} folder.";
            return null;
        }
        reason = "";
        return folder;
    }

    /// <summary>The folder of <paramref name="standard"/>'s schemas; skips the running test, saying why, when there is none.</summary>
    public static string Require(string standard)
    {
        var folder = Find(standard, out var reason);
        if (folder is null) Assert.Skip(reason);
        return folder;
    }
}
