namespace CommissioningPortal.Data.Forms;

/// <summary>
/// A one-time form token, claimed by the first POST that carries it. A second POST with the same
/// token (a double click, a retry after a slow answer) is not run again: it is answered with where
/// the first one went. Kept a day, then cleared.
/// </summary>
public sealed class FormSubmission
{
    public const int TokenLength = 32;

    /// <summary>The random token the form carried (32 hex digits).</summary>
    public required string Token { get; set; }

    /// <summary>Who posted it (null for anonymous forms); another user's token is not honoured.</summary>
    public string? UserId { get; set; }

    /// <summary>The path it was posted to; the token is not honoured on another form.</summary>
    public required string Path { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Where the first POST sent the browser once it had done its work; null while it is still running.</summary>
    public string? ResultUrl { get; set; }
}
