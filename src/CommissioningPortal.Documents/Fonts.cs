using System.Collections.Concurrent;
using SkiaSharp;

namespace CommissioningPortal.Documents;

/// <summary>
/// The four Lato faces, loaded once per folder with <see cref="SKTypeface.FromFile(string, int)"/>
/// (never from the OS), and SKFont objects cached per face and size. Both are immutable once
/// created, so they are shared by every render on every thread and never disposed.
/// </summary>
internal sealed class FontSet
{
    public const string RegularFile = "Lato-Regular.ttf";
    public const string ItalicFile = "Lato-Italic.ttf";
    public const string BoldFile = "Lato-Bold.ttf";
    public const string BoldItalicFile = "Lato-BoldItalic.ttf";

    private static readonly ConcurrentDictionary<string, FontSet> Sets = new(StringComparer.Ordinal);

    private readonly SKTypeface[] _faces;
    private readonly ConcurrentDictionary<(FontStyle Style, float Size), FontFace> _fonts = new();

    private FontSet(string folder)
    {
        _faces = new SKTypeface[4];
        _faces[(int)FontStyle.Regular] = Load(folder, RegularFile);
        _faces[(int)FontStyle.Bold] = Load(folder, BoldFile);
        _faces[(int)FontStyle.Italic] = Load(folder, ItalicFile);
        _faces[(int)FontStyle.BoldItalic] = Load(folder, BoldItalicFile);
    }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "fonts");

    public static FontSet For(string? folder) =>
        Sets.GetOrAdd(Path.GetFullPath(string.IsNullOrEmpty(folder) ? DefaultFolder : folder), static f => new FontSet(f));

    public FontFace Get(FontStyle style, float size) =>
        _fonts.GetOrAdd((style & FontStyle.BoldItalic, size), static (key, faces) => new FontFace(faces[(int)key.Style], key.Size), _faces);

    private static SKTypeface Load(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Font '{file}' was not found in '{folder}'. The build copies the Lato fonts from npm into the output's fonts/ folder; " +
                "rebuild CommissioningPortal.Documents (it needs npm) or set PdfRenderOptions.FontFolder.", path);
        return SKTypeface.FromFile(path) ?? throw new InvalidDataException($"'{path}' is not a font SkiaSharp can read.");
    }
}

/// <summary>An SKFont with its metrics and space width worked out once.</summary>
internal sealed class FontFace
{
    public FontFace(SKTypeface typeface, float size)
    {
        Font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, LinearMetrics = true };
        Size = size;
        var metrics = Font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
        SpaceWidth = Font.MeasureText(" ");
    }

    public SKFont Font { get; }
    public float Size { get; }

    /// <summary>Distance from the top of the line box to the baseline (positive).</summary>
    public float Ascent { get; }

    public float Descent { get; }
    public float SpaceWidth { get; }

    public float Measure(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : Font.MeasureText(text);
}
