namespace CommissioningPortal.Web.Infrastructure;

/// <summary>"Database" section: which provider and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default), SqlServer or PostgreSql.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file, relative to the app's content root.</summary>
    public string DataFolder { get; set; } = "App_Data";
}

/// <summary>"Portal" section: behaviour switches.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Run the demo recipe when the database has no users (Development only by default).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Print the demo logins to the console after seeding.</summary>
    public bool PrintDemoLogins { get; set; } = true;

    /// <summary>
    /// The public address of the portal, the only base of links in e-mails (never the request's Host);
    /// required outside Development, and the host requests must name there (see <see cref="PublicLinks"/>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>"RateLimiting" section: permits per minute per client address.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";
    public int SignInPermitsPerMinute { get; set; } = 20;
    public int RegistrationPermitsPerMinute { get; set; } = 5;

    /// <summary>Anonymous "suggest a correction" posts from a provider's profile.</summary>
    public int CorrectionPermitsPerMinute { get; set; } = 5;
}
