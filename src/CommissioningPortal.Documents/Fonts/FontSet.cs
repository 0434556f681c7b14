using System.Collections.Concurrent;
using SkiaSharp;

namespace CommissioningPortal.Documents.Fonts;

/// <summary>
/// The four Lato faces, loaded once per folder with <see cref="SKTypeface.FromFile(string, int)"/>
/// (never from the OS), and SKFont objects cached per face and size. All of it is immutable once
/// created, so it is shared by every render on every thread and never disposed.
/// </summary>
internal sealed class FontSet
{
    public const string RegularFile = "Lato-Regular.ttf";
    public const string ItalicFile = "Lato-Italic.ttf";
    public const string BoldFile = "Lato-Bold.ttf";
    public const string BoldItalicFile = "Lato-BoldItalic.ttf";

    private static readonly ConcurrentDictionary<string, FontSet> Sets = new(StringComparer.Ordinal);

    private readonly FontSource[] _sources = new FontSource[4];

    private readonly ConcurrentDictionary<(FontStyle Style, float Size), FontFace> _faces = new();

    private FontSet(string folder)
    {
        _sources[(int)FontStyle.Regular] = FontSource.FromFile(FontStyle.Regular, Path.Combine(folder, RegularFile));
        _sources[(int)FontStyle.Bold] = FontSource.FromFile(FontStyle.Bold, Path.Combine(folder, BoldFile));
        _sources[(int)FontStyle.Italic] = FontSource.FromFile(FontStyle.Italic, Path.Combine(folder, ItalicFile));
        _sources[(int)FontStyle.BoldItalic] = FontSource.FromFile(FontStyle.BoldItalic, Path.Combine(folder, BoldItalicFile));
    }

    private FontSet(FontSource[] sources) => _sources = sources;

    /// <summary>A family from font programs in memory; a missing face uses the regular one.</summary>
    public static FontSet FromBytes(byte[] regular, byte[]? bold, byte[]? italic, byte[]? boldItalic)
    {
        var r = new FontSource(FontStyle.Regular, regular, "regular");
        var b = bold is null ? r : new FontSource(FontStyle.Bold, bold, "bold");
        var i = italic is null ? r : new FontSource(FontStyle.Italic, italic, "italic");
        var bi = boldItalic is null ? (bold is null ? i : b) : new FontSource(FontStyle.BoldItalic, boldItalic, "bold italic");
        return new FontSet([r, b, i, bi]);
    }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "fonts");

    public static FontSet For(string? folder) =>
        Sets.GetOrAdd(Path.GetFullPath(string.IsNullOrEmpty(folder) ? DefaultFolder : folder), static f => new FontSet(f));

    public FontSource Source(FontStyle style) => _sources[(int)(style & FontStyle.BoldItalic)];

    public FontFace Get(FontStyle style, float size) =>
        _faces.GetOrAdd((style & FontStyle.BoldItalic, size), static (key, sources) => new FontFace(sources[(int)key.Style], key.Size), _sources);
}

/// <summary>
/// One face: the typeface used for layout, its glyph advances and a character-to-glyph table, and
/// the PDF font resources made from it (subsets per glyph set, cached).
/// </summary>
internal sealed class FontSource
{
    /// <summary>Characters below this are mapped to glyphs by table (Latin, punctuation, currency, arrows…); others ask Skia.</summary>
    private const int TableLimit = 0x3000;

    private readonly ushort[] _glyphOf = new ushort[TableLimit];
    private readonly SKFont _mapper;

    public static FontSource FromFile(FontStyle style, string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Font '{Path.GetFileName(path)}' was not found in '{Path.GetDirectoryName(path)}'. The build copies the Lato fonts from npm " +
                "into the output's fonts/ folder; rebuild CommissioningPortal.Documents (it needs npm) or set PdfRenderOptions.FontFolder.", path);
        return new FontSource(style, File.ReadAllBytes(path), path);
    }

    public FontSource(FontStyle style, byte[] data, string what)
    {
        Style = style;
        using (var skData = SKData.CreateCopy(data))
            Typeface = SKTypeface.FromData(skData) ?? throw new InvalidDataException($"The {what} font is not a font SkiaSharp can read.");
        TrueType = new TrueTypeFont(data);
        _mapper = new SKFont(Typeface, 12);
        var chars = new char[TableLimit];
        for (var c = 0; c < TableLimit; c++) chars[c] = (char)c;
        _mapper.GetGlyphs(chars, _glyphOf);
    }

    public FontStyle Style { get; }
    public SKTypeface Typeface { get; }
    public TrueTypeFont TrueType { get; }
    public int GlyphCount => TrueType.GlyphCount;
    public int UnitsPerEm => TrueType.UnitsPerEm;

    /// <summary>How many glyphs <paramref name="text"/> maps to (one per code point).</summary>
    public int CountGlyphs(ReadOnlySpan<char> text) => IsTableText(text) ? text.Length : _mapper.CountGlyphs(text);

    /// <summary>Glyph IDs for <paramref name="text"/>; <paramref name="glyphs"/> is <see cref="CountGlyphs"/> long.</summary>
    public void GetGlyphs(ReadOnlySpan<char> text, Span<ushort> glyphs)
    {
        if (IsTableText(text))
        {
            for (var i = 0; i < text.Length; i++) glyphs[i] = _glyphOf[text[i]];
        }
        else
        {
            _mapper.GetGlyphs(text, glyphs);
        }
    }

    /// <summary>Glyph of a character below the table limit (see <see cref="IsTableText"/>).</summary>
    public ushort TableGlyph(char c) => _glyphOf[c];

    public ushort Advance(ushort glyph) => glyph < TrueType.Advances.Length ? TrueType.Advances[glyph] : (ushort)0;

    public static bool IsTableText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= TableLimit) return false;
        return true;
    }
}

/// <summary>
/// A face at one size. Text is measured from the font's own advances (hmtx × size / units per em,
/// summed in single precision): exactly the advances the PDF's /W widths give each glyph, so a run
/// drawn as one string lands where the layout put it.
/// </summary>
internal sealed class FontFace
{
    private const int StackGlyphs = 256;

    public FontFace(FontSource source, float size)
    {
        Source = source;
        Font = CreateFont(source.Typeface, size);
        Size = size;
        Scale = size * 1f / source.UnitsPerEm;
        var metrics = Font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
        SpaceWidth = Measure(" ");
    }

    private static SKFont CreateFont(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, LinearMetrics = true };

    public FontSource Source { get; }
    public FontStyle Style => Source.Style;
    public SKFont Font { get; }
    public float Size { get; }

    /// <summary>Points per font unit.</summary>
    public float Scale { get; }

    /// <summary>Distance from the top of the line box to the baseline (positive).</summary>
    public float Ascent { get; }

    public float Descent { get; }
    public float SpaceWidth { get; }

    public float Measure(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        var count = Source.CountGlyphs(text);
        Span<ushort> glyphs = count <= StackGlyphs ? stackalloc ushort[count] : new ushort[count];
        Source.GetGlyphs(text, glyphs);
        float x = 0;
        foreach (var glyph in glyphs) x += Scale * Source.Advance(glyph);
        return x;
    }

    /// <summary>How many characters of <paramref name="text"/> fit in <paramref name="width"/>.</summary>
    public int Fit(ReadOnlySpan<char> text, float width)
    {
        if (!FontSource.IsTableText(text)) return (int)Font.BreakText(text, width);
        float x = 0;
        for (var i = 0; i < text.Length; i++)
        {
            x += Scale * Source.Advance(Source.TableGlyph(text[i]));
            if (x > width) return i;
        }
        return text.Length;
    }
}
