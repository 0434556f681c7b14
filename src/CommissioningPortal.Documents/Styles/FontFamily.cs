using CommissioningPortal.Documents.Fonts;

namespace CommissioningPortal.Documents;

/// <summary>
/// A TrueType family in up to four faces, registered from files or streams (the bytes are read
/// once). A face that is not given falls back to the regular one. Families are immutable and can
/// be shared by every document and thread; create each once (e.g. a static field), since each
/// instance loads its fonts anew.
/// </summary>
public sealed class FontFamily
{
    private FontFamily(string name, byte[] regular, byte[]? bold, byte[]? italic, byte[]? boldItalic)
    {
        Name = name;
        Set = FontSet.FromBytes(regular, bold, italic, boldItalic);
    }

    private FontFamily(FontSet set, string name)
    {
        Name = name;
        Set = set;
    }

    public string Name { get; }

    internal FontSet Set { get; }

    public static FontFamily FromFiles(string name, string regular, string? bold = null, string? italic = null, string? boldItalic = null) =>
        new(name, Read(regular), Opt(bold), Opt(italic), Opt(boldItalic));

    public static FontFamily FromStreams(string name, Stream regular, Stream? bold = null, Stream? italic = null, Stream? boldItalic = null) =>
        new(name, Read(regular), bold is null ? null : Read(bold), italic is null ? null : Read(italic), boldItalic is null ? null : Read(boldItalic));

    /// <summary>Lato from a folder holding Lato-Regular/-Bold/-Italic/-BoldItalic.ttf (null: the build output's fonts/).</summary>
    public static FontFamily Lato(string? folder = null) => new(FontSet.For(folder), "Lato");

    private static byte[]? Opt(string? path) => path is null ? null : Read(path);

    private static byte[] Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Font file '{path}' was not found.", path);
        return File.ReadAllBytes(path);
    }

    private static byte[] Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public override string ToString() => Name;
}
