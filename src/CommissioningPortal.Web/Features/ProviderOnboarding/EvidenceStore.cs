using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>"Storage" section: where passport evidence is kept and how big a file may be.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for evidence files; relative paths are under the content root. Default: the data folder's "evidence".</summary>
    public string? EvidencePath { get; set; }

    /// <summary>The largest evidence file accepted, in bytes (10 MB).</summary>
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Keeps evidence files. Files are stored under a random id, never under the name the person gave.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content and returns its location (a random id).</summary>
    Task<string> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>Opens a stored file for reading, or null when it is not there.</summary>
    Stream? Open(string location);

    void Delete(string location);
}

/// <summary>Evidence in a folder on disk (the data folder by default, like the SQLite file).</summary>
public sealed class FileSystemEvidenceStore : IEvidenceStore
{
    private readonly string _folder;

    public FileSystemEvidenceStore(IOptions<StorageOptions> options, IOptions<DatabaseOptions> database, IWebHostEnvironment environment)
    {
        var configured = options.Value.EvidencePath;
        _folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "evidence")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var location = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(location)!;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return location;
    }

    public Stream? Open(string location)
    {
        var path = PathOf(location);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string location)
    {
        var path = PathOf(location);
        if (path is not null && File.Exists(path)) File.Delete(path);
    }

    /// <summary>Only our own random ids are locations: nothing a request sends can point elsewhere.</summary>
    private string? PathOf(string location) =>
        location.Length == 32 && location.All(char.IsAsciiHexDigitLower) ? Path.Combine(_folder, location) : null;
}

/// <summary>What a file really is, read from its first bytes (its name and the browser's claim are not trusted).</summary>
public static class EvidenceFile
{
    public const string Accepted = "a PDF, JPG or PNG";

    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ("image/jpeg", ".jpg");
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", ".png");
        return null;
    }

    /// <summary>A name safe to offer as the download's name: letters, digits, dashes; the real type's extension.</summary>
    public static string DownloadName(string? fileName, string contentType) =>
        DownloadName(fileName, contentType switch { "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => "" }, "evidence");

    /// <summary>The same, with the extension for the real type given, and the stem used when the name has nothing safe.</summary>
    public static string DownloadName(string? fileName, string extension, string fallback)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName ?? "");
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (safe.Length == 0) safe = fallback;
        if (safe.Length > 80) safe = safe[..80];
        return safe + extension;
    }
}

/// <summary>Telling a full disk from other storage failures.</summary>
public static class EvidenceStorage
{
    private const int LinuxNoSpace = 28; // ENOSPC
    private const int LinuxQuotaExceeded = 122; // EDQUOT
    private static readonly int WindowsDiskFull = unchecked((int)0x80070070);
    private static readonly int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Whether the file could not be written because the disk (or the quota) is full.</summary>
    public static bool IsFull(IOException e) =>
        e.HResult is LinuxNoSpace or LinuxQuotaExceeded || e.HResult == WindowsDiskFull || e.HResult == WindowsHandleDiskFull;
}
