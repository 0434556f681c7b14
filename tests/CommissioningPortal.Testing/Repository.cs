namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>Where the repository is, and how this test assembly was built, for tests that start the portal's own binary or a script.</summary>
public static class Repository
{
    /// <summary>The folder holding CommissioningPortal.sln, above the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommissioningPortal.sln"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("CommissioningPortal.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Release or Debug, as this assembly was built (so a started portal is the same build).</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries) is var parts && Array.LastIndexOf(parts, "bin") is var i and >= 0
            ? parts[i + 1] : "Release";
}
