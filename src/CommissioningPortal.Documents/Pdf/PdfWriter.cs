using System.Globalization;
using System.Security.Cryptography;
using CommissioningPortal.Documents.Fonts;
using SkiaSharp;

namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// Writes a PDF 1.7 file page by page: one content stream per page (text, lines and filled
/// rectangles, deflated at the fastest level), the fonts as <see cref="PdfFontResource"/>s, the
/// document information dictionary, a classic cross-reference table and a trailer whose /ID is
/// derived from the bytes, so the same document always gives the same file. Coordinates come in
/// from the top-left in points and are written from the bottom-left, as PDF wants them.
/// Not thread-safe; one writer per document.
/// </summary>
internal sealed class PdfWriter
{
    private const int CatalogObject = 1;
    private const int PagesObject = 2;
    private const int InfoObject = 3;
    private const int ResourcesObject = 4;
    private const int FirstFontObject = 5;
    private const int ObjectsPerFont = 5;

    private readonly PdfBuffer _body = new(64 * 1024);
    private readonly PdfBuffer _content = new(32 * 1024);
    private readonly MemoryStream _deflated = new(16 * 1024);
    private readonly PdfFontResource?[] _fonts;
    private readonly int[] _fontObject = new int[4];
    private readonly int[] _offsets;
    private readonly int _firstPageObject;
    private readonly int _pageCount;
    private readonly PageSize _size;
    private ushort[] _glyphs = new ushort[256];
    private int _page;

    // Content state for the current page: only changes are written.
    private bool _inText;
    private long _textX, _textY;
    private FontFace? _font;
    private SKColor? _fill;
    private SKColor? _stroke;
    private float _lineWidth;

    /// <param name="fonts">The font resource per <see cref="FontStyle"/> (0–3), null for a face the document does not draw with.</param>
    public PdfWriter(PageSize size, int pageCount, PdfFontResource?[] fonts)
    {
        _size = size;
        _pageCount = pageCount;
        _fonts = fonts;
        var next = FirstFontObject;
        for (var s = 0; s < 4; s++)
        {
            if (fonts[s] is null) continue;
            _fontObject[s] = next;
            next += ObjectsPerFont;
        }
        _firstPageObject = next;
        _offsets = new int[next + 2 * pageCount];
        _body.Write(Header);
    }

    /// <summary>The header and a comment with bytes above 127, so transfer tools treat the file as binary.</summary>
    private static ReadOnlySpan<byte> Header => [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7', (byte)'\n', (byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n'];

    public void BeginPage()
    {
        _content.Clear();
        _content.Write("/S0 gs\n"u8); // stroke adjustment, as Skia set it: thin rules snap to whole pixels on screen
        _inText = false;
        _font = null;
        _fill = null;
        _stroke = null;
        _lineWidth = float.NaN;
    }

    /// <summary>A run of text in one face with its baseline starting at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Text(FontFace face, string text, float x, float y, SKColor color)
    {
        var count = face.Source.CountGlyphs(text);
        if (count == 0) return;
        if (_glyphs.Length < count) _glyphs = new ushort[Math.Max(count, 2 * _glyphs.Length)];
        var glyphs = _glyphs.AsSpan(0, count);
        face.Source.GetGlyphs(text, glyphs);

        var c = _content;
        if (!_inText)
        {
            c.Write("BT\n"u8);
            _inText = true;
            _textX = _textY = 0;
        }
        if (!ReferenceEquals(face, _font))
        {
            c.Write("/F"u8);
            c.Int((int)face.Style);
            c.Byte((byte)' ');
            c.Num(face.Size, 4);
            c.Write(" Tf\n"u8);
            _font = face;
        }
        if (_fill != color)
        {
            Color(color);
            c.Write(" rg\n"u8);
            _fill = color;
        }
        // Td moves from the start of the previous line: written as differences of rounded
        // absolute positions, so rounding never accumulates.
        var tx = (long)Math.Round(x * 100.0, MidpointRounding.AwayFromZero);
        var ty = (long)Math.Round((_size.Height - y) * 100.0, MidpointRounding.AwayFromZero);
        c.Fixed(tx - _textX, 2);
        c.Byte((byte)' ');
        c.Fixed(ty - _textY, 2);
        c.Write(" Td ("u8);
        _textX = tx;
        _textY = ty;
        foreach (var glyph in glyphs)
        {
            StringByte(c, (byte)(glyph >> 8));
            StringByte(c, (byte)glyph);
        }
        c.Write(") Tj\n"u8);
    }

    /// <summary>One byte of a literal string: the delimiters and backslash escaped, and the line ends, which readers would normalise.</summary>
    private static void StringByte(PdfBuffer c, byte b)
    {
        switch (b)
        {
            case (byte)'(' or (byte)')' or (byte)'\\':
                c.Byte((byte)'\\');
                c.Byte(b);
                break;
            case (byte)'\r':
                c.Write("\\r"u8);
                break;
            case (byte)'\n':
                c.Write("\\n"u8);
                break;
            default:
                c.Byte(b);
                break;
        }
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width)
    {
        EndText();
        var c = _content;
        if (width != _lineWidth)
        {
            c.Num(width, 3);
            c.Write(" w\n"u8);
            _lineWidth = width;
        }
        if (_stroke != color)
        {
            Color(color);
            c.Write(" RG\n"u8);
            _stroke = color;
        }
        c.Num(x1);
        c.Byte((byte)' ');
        c.Num(_size.Height - y1);
        c.Write(" m "u8);
        c.Num(x2);
        c.Byte((byte)' ');
        c.Num(_size.Height - y2);
        c.Write(" l S\n"u8);
    }

    /// <summary>A filled rectangle from (<paramref name="x1"/>, <paramref name="y1"/>) (top left) to (<paramref name="x2"/>, <paramref name="y2"/>).</summary>
    public void Fill(float x1, float y1, float x2, float y2, SKColor color)
    {
        EndText();
        var c = _content;
        if (_fill != color)
        {
            Color(color);
            c.Write(" rg\n"u8);
            _fill = color;
        }
        c.Num(x1);
        c.Byte((byte)' ');
        c.Num(_size.Height - y2);
        c.Byte((byte)' ');
        c.Num(x2 - x1);
        c.Byte((byte)' ');
        c.Num(y2 - y1);
        c.Write(" re f\n"u8);
    }

    private void Color(SKColor color)
    {
        var c = _content;
        c.Num(color.Red / 255.0, 3);
        c.Byte((byte)' ');
        c.Num(color.Green / 255.0, 3);
        c.Byte((byte)' ');
        c.Num(color.Blue / 255.0, 3);
    }

    private void EndText()
    {
        if (!_inText) return;
        _content.Write("ET\n"u8);
        _inText = false;
    }

    /// <summary>Writes the page's content stream and page object.</summary>
    public void EndPage()
    {
        EndText();
        var pageObject = _firstPageObject + 2 * _page;
        _page++;

        BeginObject(pageObject);
        _body.Write("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 "u8);
        _body.Num(_size.Width);
        _body.Byte((byte)' ');
        _body.Num(_size.Height);
        _body.Write("] /Resources 4 0 R /Contents "u8);
        _body.Int(pageObject + 1);
        _body.Write(" 0 R >>\nendobj\n"u8);

        PdfBuffer.Deflate(_content.Written, _deflated);
        BeginObject(pageObject + 1);
        Stream(_deflated.GetBuffer().AsSpan(0, (int)_deflated.Length));
    }

    /// <summary>
    /// Writes the fonts, the page tree, the catalog, the information dictionary, the cross-reference
    /// table and the trailer, and returns the whole file (valid until the writer is dropped).
    /// </summary>
    public ReadOnlySpan<byte> Finish(DocumentMetadata metadata)
    {
        if (_page != _pageCount) throw new InvalidOperationException($"{_page} of {_pageCount} pages were written.");
        var b = _body;

        for (var s = 0; s < 4; s++)
            if (_fonts[s] is { } font) WriteFont(font, _fontObject[s]);

        BeginObject(ResourcesObject);
        b.Write("<< /Font <<"u8);
        for (var s = 0; s < 4; s++)
        {
            if (_fonts[s] is null) continue;
            b.Write(" /F"u8);
            b.Int(s);
            b.Byte((byte)' ');
            b.Int(_fontObject[s]);
            b.Write(" 0 R"u8);
        }
        b.Write(" >> /ExtGState << /S0 << /Type /ExtGState /SA true >> >> >>\nendobj\n"u8);

        BeginObject(PagesObject);
        b.Write("<< /Type /Pages /Kids ["u8);
        for (var p = 0; p < _pageCount; p++)
        {
            if (p > 0) b.Byte((byte)' ');
            b.Int(_firstPageObject + 2 * p);
            b.Write(" 0 R"u8);
        }
        b.Write("] /Count "u8);
        b.Int(_pageCount);
        b.Write(" >>\nendobj\n"u8);

        BeginObject(CatalogObject);
        b.Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8);

        BeginObject(InfoObject);
        b.Write("<<"u8);
        InfoEntry("/Title", metadata.Title);
        InfoEntry("/Author", metadata.Author);
        InfoEntry("/Subject", metadata.Subject);
        InfoEntry("/Creator", metadata.Creator);
        InfoEntry("/Producer", "CommissioningPortal.Documents");
        if (metadata.Created is { } created)
        {
            var date = PdfDate(created);
            InfoEntry("/CreationDate", date);
            InfoEntry("/ModDate", date);
        }
        b.Write(" >>\nendobj\n"u8);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(b.Written, hash);

        var xref = b.Length;
        b.Write("xref\n0 "u8);
        b.Int(_offsets.Length);
        b.Write("\n0000000000 65535 f \n"u8);
        Span<byte> entry = stackalloc byte[20];
        for (var n = 1; n < _offsets.Length; n++)
        {
            _offsets[n].TryFormat(entry, out _, "D10", CultureInfo.InvariantCulture);
            " 00000 n \n"u8.CopyTo(entry[10..]);
            b.Write(entry);
        }
        b.Write("trailer\n<< /Size "u8);
        b.Int(_offsets.Length);
        b.Write(" /Root 1 0 R /Info 3 0 R /ID [<"u8);
        b.Hex(hash[..16]);
        b.Write("> <"u8);
        b.Hex(hash[..16]);
        b.Write(">] >>\nstartxref\n"u8);
        b.Int(xref);
        b.Write("\n%%EOF\n"u8);

        return b.Written;
    }

    private void InfoEntry(string key, string? value)
    {
        if (value is null) return;
        _body.Byte((byte)' ');
        _body.Ascii(key);
        _body.Byte((byte)' ');
        _body.TextString(value);
    }

    /// <summary>D:YYYYMMDDHHmmSS+HH'mm' in the value's own offset.</summary>
    private static string PdfDate(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"D:{value:yyyyMMddHHmmss}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    private void WriteFont(PdfFontResource font, int first)
    {
        var b = _body;
        int type0 = first, cidFont = first + 1, descriptor = first + 2, file = first + 3, toUnicode = first + 4;

        BeginObject(type0);
        b.Write("<< /Type /Font /Subtype /Type0 /BaseFont /"u8);
        b.Ascii(font.BaseFont);
        b.Write(" /Encoding /Identity-H /DescendantFonts ["u8);
        b.Int(cidFont);
        b.Write(" 0 R] /ToUnicode "u8);
        b.Int(toUnicode);
        b.Write(" 0 R >>\nendobj\n"u8);

        BeginObject(cidFont);
        b.Write("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /"u8);
        b.Ascii(font.BaseFont);
        b.Write(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "u8);
        b.Int(descriptor);
        b.Write(" 0 R /CIDToGIDMap /Identity /DW 0 /W "u8);
        b.Write(font.Widths);
        b.Write(" >>\nendobj\n"u8);

        BeginObject(descriptor);
        b.Write("<< /Type /FontDescriptor /FontName /"u8);
        b.Ascii(font.BaseFont);
        b.Byte((byte)' ');
        b.Write(font.Descriptor);
        b.Write(" /FontFile2 "u8);
        b.Int(file);
        b.Write(" 0 R >>\nendobj\n"u8);

        BeginObject(file);
        Stream(font.FontFile, length1: font.FontFileLength);

        BeginObject(toUnicode);
        Stream(font.ToUnicode);
    }

    private void BeginObject(int number)
    {
        _offsets[number] = _body.Length;
        _body.Int(number);
        _body.Write(" 0 obj\n"u8);
    }

    /// <summary>A deflated stream object's dictionary, data and end.</summary>
    /// <param name="length1">For a font program, its length before deflating.</param>
    private void Stream(ReadOnlySpan<byte> deflated, int? length1 = null)
    {
        var b = _body;
        b.Write("<< /Length "u8);
        b.Int(deflated.Length);
        b.Write(" /Filter /FlateDecode"u8);
        if (length1 is { } n)
        {
            b.Write(" /Length1 "u8);
            b.Int(n);
        }
        b.Write(" >>\nstream\n"u8);
        b.Write(deflated);
        b.Write("\nendstream\nendobj\n"u8);
    }
}
