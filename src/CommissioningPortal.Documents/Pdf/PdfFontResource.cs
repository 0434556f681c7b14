using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CommissioningPortal.Documents.Fonts;

namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// Everything a PDF needs to draw one face with the glyphs a document uses, as a Type0 font with
/// Identity-H encoding (two bytes per glyph, the code is the glyph ID) over a CIDFontType2 with an
/// identity CIDToGIDMap: the font program (the <see cref="TrueTypeFont"/> subset, or the whole
/// font), deflated; the /W widths of the used glyphs in 1000ths of an em, which are exactly the
/// advances the layout measured with, so a run drawn as one string lands where it was laid out;
/// a ToUnicode CMap so the text can be extracted; and the font descriptor's metrics.
/// Immutable and cached per face and glyph set (documents with the same glyphs share one).
/// </summary>
internal sealed class PdfFontResource
{
    /// <summary>Resources by face and glyph set, dropped all at once when full (documents differ in names and amounts, so it never grows without bound).</summary>
    private static readonly ConcurrentDictionary<(FontSource Source, string Key), PdfFontResource> Cache = new();

    private const int MaxCached = 256;

    private PdfFontResource(string baseFont, byte[] fontFile, int fontFileLength, byte[] toUnicode, byte[] widths, byte[] descriptor)
    {
        BaseFont = baseFont;
        FontFile = fontFile;
        FontFileLength = fontFileLength;
        ToUnicode = toUnicode;
        Widths = widths;
        Descriptor = descriptor;
    }

    /// <summary>The PostScript name, with a six-letter subset tag ("ABCDEF+Lato-Regular") when subset.</summary>
    public string BaseFont { get; }

    /// <summary>The TrueType program, deflated (FontFile2).</summary>
    public byte[] FontFile { get; }

    /// <summary>The program's length before deflating (/Length1).</summary>
    public int FontFileLength { get; }

    /// <summary>The ToUnicode CMap, deflated.</summary>
    public byte[] ToUnicode { get; }

    /// <summary>The /W array.</summary>
    public byte[] Widths { get; }

    /// <summary>The font descriptor's entries other than /Type, /FontName and /FontFile2.</summary>
    public byte[] Descriptor { get; }

    /// <summary>
    /// The resource for <paramref name="source"/> drawing the glyphs flagged in <paramref name="used"/>,
    /// each standing for the text in <paramref name="unicode"/> (one code point per glyph).
    /// </summary>
    public static PdfFontResource For(FontSource source, bool[] used, int[] unicode, bool subset)
    {
        var key = (source, Key(used, unicode, subset));
        if (Cache.TryGetValue(key, out var cached)) return cached;
        if (Cache.Count >= MaxCached) Cache.Clear();
        return Cache.GetOrAdd(key, static (_, state) => Create(state.source, state.used, state.unicode, state.subset), (source, used, unicode, subset));
    }

    /// <summary>Each used glyph and its code point, as characters.</summary>
    private static string Key(bool[] used, int[] unicode, bool subset)
    {
        var key = new StringBuilder(256);
        key.Append(subset ? 'S' : 'W');
        for (var g = 0; g < used.Length; g++)
        {
            if (!used[g]) continue;
            key.Append((char)g).Append((char)(unicode[g] >> 16)).Append((char)unicode[g]);
        }
        return key.ToString();
    }

    private static PdfFontResource Create(FontSource source, bool[] used, int[] unicode, bool subset)
    {
        var font = source.TrueType;
        var program = subset ? font.Subset(used) : font.Data.ToArray();
        var name = font.PostScriptName ?? "Lato-" + source.Style;
        if (subset) name = Tag(program) + "+" + name;

        var scale = 1000.0 / font.UnitsPerEm;
        var widths = new PdfBuffer(1024);
        widths.Byte((byte)'[');
        for (var g = 0; g < used.Length; g++)
        {
            if (!used[g]) continue;
            widths.Int(g);
            widths.Write(" ["u8);
            var first = true;
            for (; g < used.Length && used[g]; g++)
            {
                if (!first) widths.Byte((byte)' ');
                widths.Num(source.Advance((ushort)g) * scale, 3);
                first = false;
            }
            widths.Write("] "u8);
        }
        widths.Byte((byte)']');

        var italic = source.Style.HasFlag(FontStyle.Italic) || font.ItalicAngle != 0;
        var bold = font.Weight >= 600;
        var d = new PdfBuffer(256);
        d.Write("/Flags "u8);
        d.Int(32 | (italic ? 64 : 0) | (bold ? 1 << 18 : 0)); // nonsymbolic, italic, force bold
        d.Write(" /FontBBox ["u8);
        var (xMin, yMin, xMax, yMax) = font.BoundingBox;
        d.Int((long)Math.Floor(xMin * scale)); d.Byte((byte)' ');
        d.Int((long)Math.Floor(yMin * scale)); d.Byte((byte)' ');
        d.Int((long)Math.Ceiling(xMax * scale)); d.Byte((byte)' ');
        d.Int((long)Math.Ceiling(yMax * scale));
        d.Write("] /ItalicAngle "u8);
        d.Num(font.ItalicAngle, 2);
        d.Write(" /Ascent "u8);
        d.Int((long)Math.Round(font.Ascender * scale));
        d.Write(" /Descent "u8);
        d.Int((long)Math.Round(font.Descender * scale));
        d.Write(" /CapHeight "u8);
        d.Int((long)Math.Round(font.CapHeight * scale));
        d.Write(" /StemV "u8);
        d.Int(bold ? 140 : 80);

        return new PdfFontResource(name, Deflate(program), program.Length, Deflate(CMap(used, unicode)), widths.ToArray(), d.ToArray());
    }

    /// <summary>Six capital letters from the subset's hash, so the same glyph set always gets the same tag.</summary>
    private static string Tag(byte[] program)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(program, hash);
        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < 6; i++) tag[i] = (char)('A' + hash[i] % 26);
        return new string(tag);
    }

    private static ReadOnlySpan<byte> CMap(bool[] used, int[] unicode)
    {
        var cmap = new PdfBuffer(4096);
        cmap.Write("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """u8);
        var total = 0;
        for (var g = 0; g < used.Length; g++)
            if (used[g] && unicode[g] > 0) total++;
        var g2 = 0;
        while (total > 0)
        {
            var block = Math.Min(total, 100); // at most 100 entries per bfchar block
            cmap.Int(block);
            cmap.Write(" beginbfchar\n"u8);
            for (var n = 0; n < block; g2++)
            {
                if (!used[g2] || unicode[g2] <= 0) continue;
                cmap.Byte((byte)'<');
                cmap.Hex4(g2);
                cmap.Write("> <"u8);
                var rune = unicode[g2];
                if (rune < 0x10000) cmap.Hex4(rune);
                else
                {
                    rune -= 0x10000;
                    cmap.Hex4(0xD800 + (rune >> 10));
                    cmap.Hex4(0xDC00 + (rune & 0x3FF));
                }
                cmap.Write(">\n"u8);
                n++;
            }
            cmap.Write("endbfchar\n"u8);
            total -= block;
        }
        cmap.Write("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end
            """u8);
        return cmap.Written;
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream(data.Length / 2 + 64);
        PdfBuffer.Deflate(data, output);
        return output.ToArray();
    }
}
