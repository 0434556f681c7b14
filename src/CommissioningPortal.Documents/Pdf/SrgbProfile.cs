namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// The sRGB IEC 61966-2.1 ICC profile for PDF/A's output intent. It is not in the repository: the
/// build takes it from an npm package (see the project file) and embeds it as a resource.
/// </summary>
internal static class SrgbProfile
{
    public const string ResourceName = "CommissioningPortal.Documents.sRGB.icc";

    private static readonly Lazy<byte[]?> Profile = new(() =>
    {
        using var stream = typeof(SrgbProfile).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[]? Bytes => Profile.Value;
}
