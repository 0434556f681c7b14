using System.Globalization;
using System.Security.Cryptography;
using CommissioningPortal.Documents.Fonts;
using System.Text;
using CommissioningPortal.Documents.Layout;

namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// Writes a PDF 1.7 file page by page: one content stream per page (text, lines, rectangles, paths
/// and images, deflated at the fastest level), the fonts as <see cref="PdfFontResource"/>s, the
/// logical structure (every drawing inside marked content: a structure element's MCID or an
/// artifact), link annotations, XMP metadata, the sRGB output intent for PDF/A, a classic
/// cross-reference table and a trailer whose /ID is derived from the bytes, so the same document
/// always gives the same file. Coordinates come in from the top-left in points and are written
/// from the bottom-left, as PDF wants them. Not thread-safe; one writer per document.
/// </summary>
internal sealed class PdfWriter
{
    private const int CatalogObject = 1;
    private const int PagesObject = 2;
    private const int InfoObject = 3;
    private const int ResourcesObject = 4;
    private const int FirstPageObject = 5;

    // Buffers are kept per thread between documents: a long document's body grows to megabytes, and
    // allocating that afresh each time means large-object-heap churn and gen 2 collections.
    [ThreadStatic] private static PdfBuffer? t_body;
    [ThreadStatic] private static PdfBuffer? t_content;
    [ThreadStatic] private static MemoryStream? t_deflated;

    private readonly PdfBuffer _body = Take(ref t_body, 64 * 1024);
    private readonly PdfBuffer _content = Take(ref t_content, 32 * 1024);
    private readonly MemoryStream _deflated = t_deflated ??= new MemoryStream(16 * 1024);
    private readonly IReadOnlyList<PdfFontResource> _fonts;
    private readonly Dictionary<FontSource, int> _fontIndex;
    private readonly List<int> _offsets = [];
    private readonly int _pageCount;
    private readonly PageSize _size;
    private readonly Dictionary<PdfImageSource, int> _images = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyDictionary<string, (int Page, float Y)> _anchors;
    private ushort[] _glyphs = new ushort[256];
    private int _page;

    // Structure: the elements each page's MCIDs belong to (the parent tree), and the annotations.
    private readonly List<StructNode[]> _parentTree = [];
    private readonly List<StructNode> _pageParents = [];
    private readonly List<(int Object, StructNode Node)> _annotationParents = [];
    private readonly List<int> _pageAnnotations = [];
    private MarkKind _mark;
    private bool _markInText;
    private StructNode? _markNode;

    private enum MarkKind : byte { None, Node, Layout, Header, Footer }

    // Content state for the current page: only changes are written.
    private bool _inText;
    private long _textX, _textY;
    private FontFace? _font;
    private Color? _fill;
    private Color? _stroke;
    private float _lineWidth;

    /// <param name="fonts">The fonts the document draws with, each with the face it is for.</param>
    /// <param name="anchors">Where each heading id is: its page (0-based) and top.</param>
    public PdfWriter(PageSize size, int pageCount, IReadOnlyList<(FontSource Source, PdfFontResource Resource)> fonts,
        IReadOnlyDictionary<string, (int Page, float Y)> anchors)
    {
        _size = size;
        _pageCount = pageCount;
        _fonts = fonts.Select(f => f.Resource).ToList();
        _fontIndex = new Dictionary<FontSource, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < fonts.Count; i++) _fontIndex[fonts[i].Source] = i;
        _anchors = anchors;
        for (var n = 0; n < FirstPageObject + 2 * pageCount; n++) _offsets.Add(0);
        _body.Write(Header);
    }

    private int PageObject(int page) => FirstPageObject + 2 * page;

    /// <summary>This thread's buffer, emptied (the span <see cref="Finish"/> returned last time must have been used up).</summary>
    private static PdfBuffer Take(ref PdfBuffer? cached, int capacity)
    {
        var buffer = cached ??= new PdfBuffer(capacity);
        buffer.Clear();
        return buffer;
    }

    private int Allocate()
    {
        _offsets.Add(0);
        return _offsets.Count - 1;
    }

    /// <summary>The header and a comment with bytes above 127, so transfer tools treat the file as binary.</summary>
    private static ReadOnlySpan<byte> Header => [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7', (byte)'\n', (byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n'];

    public void BeginPage()
    {
        _content.Clear();
        _pageParents.Clear();
        _pageAnnotations.Clear();
        _mark = MarkKind.None;
        _markNode = null;
        _content.Write("/S0 gs\n"u8); // stroke adjustment, as Skia set it: thin rules snap to whole pixels on screen
        _inText = false;
        _font = null;
        _fill = null;
        _stroke = null;
        _lineWidth = float.NaN;
    }

    /// <summary>
    /// What the following drawing belongs to: a structure element (a new marked-content sequence
    /// with the next MCID when it changes), or, for null, a layout artifact.
    /// </summary>
    /// <param name="text">The drawing is text: a sequence opened inside the current text object stays inside it (no ET/BT around each element).</param>
    public void Mark(StructNode? node, bool text = false)
    {
        if (node is null)
        {
            if (_mark == MarkKind.Layout && (text || !_markInText)) return;
            CloseMark();
            if (text) BeginText(); else EndText();
            _content.Write("/Artifact BMC\n"u8);
            _mark = MarkKind.Layout;
            _markInText = text;
            return;
        }
        if (_mark == MarkKind.Node && ReferenceEquals(_markNode, node) && (text || !_markInText)) return;
        CloseMark();
        if (text) BeginText(); else EndText();
        _markInText = text;
        node.EnsureAttached();
        var mcid = _pageParents.Count;
        _pageParents.Add(node);
        node.Kids.Add(new StructKid(null, _page, mcid));
        var c = _content;
        c.Byte((byte)'/');
        c.Ascii(node.Type);
        c.Write(" <</MCID "u8);
        c.Int(mcid);
        c.Write(">> BDC\n"u8);
        _mark = MarkKind.Node;
        _markNode = node;
    }

    /// <summary>A running header or footer: a pagination artifact.</summary>
    public void MarkPagination(bool header)
    {
        var kind = header ? MarkKind.Header : MarkKind.Footer;
        if (_mark == kind) return;
        CloseMark();
        EndText();
        _content.Write(header ? "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"u8 : "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"u8);
        _mark = kind;
        _markInText = false;
    }

    private void CloseMark()
    {
        if (_mark == MarkKind.None) return;
        // A sequence opened outside a text object must not end inside one; one opened inside ends inside.
        if (!_markInText) EndText();
        _content.Write("EMC\n"u8);
        _mark = MarkKind.None;
        _markNode = null;
    }

    /// <summary>A link over a rectangle (top-left origin): a URL, or "#id" of a heading.</summary>
    public void Link(float x1, float y1, float x2, float y2, string target, StructNode? node)
    {
        var annotation = Allocate();
        var b = _body;
        _offsets[annotation] = b.Length;
        b.Int(annotation);
        b.Write(" 0 obj\n<< /Type /Annot /Subtype /Link /F 4 /Border [0 0 0] /Rect ["u8);
        b.Num(x1); b.Byte((byte)' ');
        b.Num(_size.Height - y2); b.Byte((byte)' ');
        b.Num(x2); b.Byte((byte)' ');
        b.Num(_size.Height - y1);
        b.Write("] /P "u8);
        b.Int(PageObject(_page));
        b.Write(" 0 R"u8);
        if (node?.Alt is { Length: > 0 } alt)
        {
            b.Write(" /Contents "u8);
            b.TextString(alt);
        }
        if (target.StartsWith('#'))
        {
            if (_anchors.TryGetValue(target[1..], out var anchor))
            {
                b.Write(" /Dest ["u8);
                b.Int(PageObject(anchor.Page));
                b.Write(" 0 R /XYZ 0 "u8);
                b.Num(_size.Height - anchor.Y + 6);
                b.Write(" 0]"u8);
            }
        }
        else
        {
            b.Write(" /A << /Type /Action /S /URI /URI "u8);
            b.TextString(target);
            b.Write(" >>"u8);
        }
        if (node is not null)
        {
            b.Write(" /StructParent "u8);
            b.Int(_pageCount + _annotationParents.Count);
            _annotationParents.Add((annotation, node));
            node.EnsureAttached();
            node.Kids.Add(new StructKid(null, _page, -1, annotation));
        }
        b.Write(" >>\nendobj\n"u8);
        _pageAnnotations.Add(annotation);
    }

    /// <summary>An image scaled into the rectangle from (<paramref name="x1"/>, <paramref name="y1"/>) (top left) to (<paramref name="x2"/>, <paramref name="y2"/>).</summary>
    public void Image(PdfImageSource image, float x1, float y1, float x2, float y2)
    {
        EndText();
        if (!_images.TryGetValue(image, out var number))
        {
            number = WriteImage(image);
            _images[image] = number;
        }
        var c = _content;
        c.Write("q "u8);
        c.Num(x2 - x1, 3);
        c.Write(" 0 0 "u8);
        c.Num(y2 - y1, 3);
        c.Byte((byte)' ');
        c.Num(x1, 3);
        c.Byte((byte)' ');
        c.Num(_size.Height - y2, 3);
        c.Write(" cm /Im"u8);
        c.Int(number);
        c.Write(" Do Q\n"u8);
    }

    private int WriteImage(PdfImageSource image)
    {
        int? mask = null;
        if (image.Alpha is { } alpha)
        {
            mask = Allocate();
            BeginObject(mask.Value);
            var m = _body;
            m.Write("<< /Type /XObject /Subtype /Image /Width "u8);
            m.Int(image.Width);
            m.Write(" /Height "u8);
            m.Int(image.Height);
            m.Write(" /ColorSpace /DeviceGray /BitsPerComponent 8 /Length "u8);
            m.Int(alpha.Length);
            m.Write(" /Filter /FlateDecode >>\nstream\n"u8);
            m.Write(alpha);
            m.Write("\nendstream\nendobj\n"u8);
        }
        var number = Allocate();
        BeginObject(number);
        var b = _body;
        b.Write("<< /Type /XObject /Subtype /Image /Width "u8);
        b.Int(image.Width);
        b.Write(" /Height "u8);
        b.Int(image.Height);
        b.Write(image.Components switch { 1 => " /ColorSpace /DeviceGray"u8, 4 => " /ColorSpace /DeviceCMYK /Decode [1 0 1 0 1 0 1 0]"u8, _ => " /ColorSpace /DeviceRGB"u8 });
        b.Write(" /BitsPerComponent 8 /Interpolate false"u8);
        if (mask is { } sm)
        {
            b.Write(" /SMask "u8);
            b.Int(sm);
            b.Write(" 0 R"u8);
        }
        b.Write(" /Length "u8);
        b.Int(image.Data.Length);
        b.Write(image.IsJpeg ? " /Filter /DCTDecode >>\nstream\n"u8 : " /Filter /FlateDecode >>\nstream\n"u8);
        b.Write(image.Data);
        b.Write("\nendstream\nendobj\n"u8);
        return number;
    }

    /// <summary>A polyline (stroked when <paramref name="width"/> &gt; 0) or a filled polygon, points relative to (dx, dy).</summary>
    public void Path(float[] points, float dx, float dy, Color color, float width)
    {
        EndText();
        if (points.Length < 4) return;
        var c = _content;
        var fill = width <= 0;
        if (fill)
        {
            if (_fill != color) { ColorOperands(color); c.Write(" rg\n"u8); _fill = color; }
        }
        else
        {
            if (width != _lineWidth) { c.Num(width, 3); c.Write(" w\n"u8); _lineWidth = width; }
            if (_stroke != color) { ColorOperands(color); c.Write(" RG\n"u8); _stroke = color; }
        }
        for (var i = 0; i < points.Length; i += 2)
        {
            c.Num(points[i] + dx);
            c.Byte((byte)' ');
            c.Num(_size.Height - (points[i + 1] + dy));
            c.Write(i == 0 ? " m\n"u8 : " l\n"u8);
        }
        c.Write(fill ? "h f\n"u8 : "S\n"u8);
    }

    /// <summary>A run of text in one face with its baseline starting at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Text(FontFace face, string text, float x, float y, Color color)
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
            c.Int(_fontIndex[face.Source]);
            c.Byte((byte)' ');
            c.Num(face.Size, 4);
            c.Write(" Tf\n"u8);
            _font = face;
        }
        if (_fill != color)
        {
            ColorOperands(color);
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

    public void Line(float x1, float y1, float x2, float y2, Color color, float width)
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
            ColorOperands(color);
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
    public void Fill(float x1, float y1, float x2, float y2, Color color)
    {
        EndText();
        var c = _content;
        if (_fill != color)
        {
            ColorOperands(color);
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

    private void ColorOperands(Color color)
    {
        var c = _content;
        c.Num(color.R / 255.0, 3);
        c.Byte((byte)' ');
        c.Num(color.G / 255.0, 3);
        c.Byte((byte)' ');
        c.Num(color.B / 255.0, 3);
    }

    private void BeginText()
    {
        if (_inText) return;
        _content.Write("BT\n"u8);
        _inText = true;
        _textX = _textY = 0;
    }

    private void EndText()
    {
        if (!_inText) return;
        if (_mark != MarkKind.None && _markInText) CloseMark(); // never let a sequence begun in this text object outlive it
        _content.Write("ET\n"u8);
        _inText = false;
    }

    /// <summary>Writes the page's content stream and page object.</summary>
    public void EndPage()
    {
        CloseMark();
        EndText();
        var pageObject = PageObject(_page);
        _parentTree.Add(_pageParents.ToArray());

        BeginObject(pageObject);
        _body.Write("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 "u8);
        _body.Num(_size.Width);
        _body.Byte((byte)' ');
        _body.Num(_size.Height);
        _body.Write("] /Resources 4 0 R /StructParents "u8);
        _body.Int(_page);
        if (_pageAnnotations.Count > 0)
        {
            _body.Write(" /Tabs /S /Annots ["u8);
            foreach (var a in _pageAnnotations)
            {
                _body.Int(a);
                _body.Write(" 0 R "u8);
            }
            _body.Byte((byte)']');
        }
        _body.Write(" /Contents "u8);
        _body.Int(pageObject + 1);
        _body.Write(" 0 R >>\nendobj\n"u8);
        _page++;

        PdfBuffer.Deflate(_content.Written, _deflated);
        BeginObject(pageObject + 1);
        Stream(_deflated.GetBuffer().AsSpan(0, (int)_deflated.Length));
    }

    /// <summary>
    /// Writes the fonts, the page tree, the catalog, the information dictionary, the cross-reference
    /// table and the trailer, and returns the whole file (valid until the writer is dropped).
    /// </summary>
    public ReadOnlySpan<byte> Finish(DocumentMetadata metadata, PdfFinish finish)
    {
        if (_page != _pageCount) throw new InvalidOperationException($"{_page} of {_pageCount} pages were written.");
        var b = _body;

        var fontObjects = new int[_fonts.Count];
        for (var f = 0; f < _fonts.Count; f++)
        {
            fontObjects[f] = Allocate();
            for (var k = 1; k < 5; k++) Allocate();
            WriteFont(_fonts[f], fontObjects[f]);
        }

        BeginObject(ResourcesObject);
        b.Write("<< /Font <<"u8);
        for (var f = 0; f < _fonts.Count; f++)
        {
            b.Write(" /F"u8);
            b.Int(f);
            b.Byte((byte)' ');
            b.Int(fontObjects[f]);
            b.Write(" 0 R"u8);
        }
        b.Write(" >>"u8);
        if (_images.Count > 0)
        {
            b.Write(" /XObject <<"u8);
            foreach (var number in _images.Values)
            {
                b.Write(" /Im"u8);
                b.Int(number);
                b.Byte((byte)' ');
                b.Int(number);
                b.Write(" 0 R"u8);
            }
            b.Write(" >>"u8);
        }
        b.Write(" /ExtGState << /S0 << /Type /ExtGState /SA true >> >> >>\nendobj\n"u8);

        BeginObject(PagesObject);
        b.Write("<< /Type /Pages /Kids ["u8);
        for (var p = 0; p < _pageCount; p++)
        {
            if (p > 0) b.Byte((byte)' ');
            b.Int(PageObject(p));
            b.Write(" 0 R"u8);
        }
        b.Write("] /Count "u8);
        b.Int(_pageCount);
        b.Write(" >>\nendobj\n"u8);

        var structRoot = finish.Root is { } root ? WriteStructure(root) : 0;
        var xmp = WriteXmp(metadata, finish);
        var outputIntent = 0;
        if (finish.IccProfile is { } icc)
        {
            var profile = Allocate();
            BeginObject(profile);
            var deflated = new MemoryStream();
            PdfBuffer.Deflate(icc, deflated);
            b.Write("<< /N 3 /Length "u8);
            b.Int(deflated.Length);
            b.Write(" /Filter /FlateDecode >>\nstream\n"u8);
            b.Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
            b.Write("\nendstream\nendobj\n"u8);
            outputIntent = Allocate();
            BeginObject(outputIntent);
            b.Write("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile "u8);
            b.Int(profile);
            b.Write(" 0 R >>\nendobj\n"u8);
        }

        BeginObject(CatalogObject);
        b.Write("<< /Type /Catalog /Pages 2 0 R /Metadata "u8);
        b.Int(xmp);
        b.Write(" 0 R"u8);
        if (structRoot != 0)
        {
            b.Write(" /StructTreeRoot "u8);
            b.Int(structRoot);
            b.Write(" 0 R /MarkInfo << /Marked true >>"u8);
        }
        if (finish.Language is { Length: > 0 } lang)
        {
            b.Write(" /Lang "u8);
            b.TextString(lang);
        }
        b.Write(" /ViewerPreferences << /DisplayDocTitle true >>"u8);
        if (outputIntent != 0)
        {
            b.Write(" /OutputIntents ["u8);
            b.Int(outputIntent);
            b.Write(" 0 R]"u8);
        }
        b.Write(" >>\nendobj\n"u8);

        BeginObject(InfoObject);
        b.Write("<<"u8);
        InfoEntry("/Title", metadata.Title);
        InfoEntry("/Author", metadata.Author);
        InfoEntry("/Subject", metadata.Subject);
        InfoEntry("/Creator", metadata.Creator);
        InfoEntry("/Producer", Producer);
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
        b.Int(_offsets.Count);
        b.Write("\n0000000000 65535 f \n"u8);
        Span<byte> entry = stackalloc byte[20];
        for (var n = 1; n < _offsets.Count; n++)
        {
            _offsets[n].TryFormat(entry, out _, "D10", CultureInfo.InvariantCulture);
            " 00000 n \n"u8.CopyTo(entry[10..]);
            b.Write(entry);
        }
        b.Write("trailer\n<< /Size "u8);
        b.Int(_offsets.Count);
        b.Write(" /Root 1 0 R /Info 3 0 R /ID [<"u8);
        b.Hex(hash[..16]);
        b.Write("> <"u8);
        b.Hex(hash[..16]);
        b.Write(">] >>\nstartxref\n"u8);
        b.Int(xref);
        b.Write("\n%%EOF\n"u8);

        return b.Written;
    }

    private const string Producer = "CommissioningPortal.Documents";

    /// <summary>
    /// The structure tree: every element with content (table cells always), depth first, each with
    /// its parent, page, kids (elements, MCIDs, marked-content references to other pages and
    /// annotation references) and attributes; then the parent tree (per page the element of each
    /// MCID, then one entry per link annotation) and the root.
    /// </summary>
    private int WriteStructure(StructNode root)
    {
        var rootObject = Allocate();
        var nodes = new List<StructNode>();
        Number(root);
        void Number(StructNode node)
        {
            node.ObjectNumber = Allocate();
            nodes.Add(node);
            foreach (var kid in node.Kids)
                if (kid.Node is { } child && child.HasContent()) Number(child);
        }

        var b = _body;
        foreach (var node in nodes)
        {
            BeginObject(node.ObjectNumber);
            b.Write("<< /Type /StructElem /S /"u8);
            b.Ascii(node.Type);
            b.Write(" /P "u8);
            b.Int(node.Parent?.ObjectNumber ?? rootObject);
            b.Write(" 0 R"u8);
            var page = -1;
            foreach (var kid in node.Kids)
                if (kid.Node is null) { page = kid.Page; break; }
            if (page >= 0)
            {
                b.Write(" /Pg "u8);
                b.Int(PageObject(page));
                b.Write(" 0 R"u8);
            }
            if (node.Alt is { Length: > 0 } alt && node.Type is "Figure" or "Link" or "Formula")
            {
                b.Write(" /Alt "u8);
                b.TextString(alt);
            }
            if (node.ActualText is { } actual)
            {
                b.Write(" /ActualText "u8);
                b.TextString(actual);
            }
            if (node.Scope is { } scope)
            {
                b.Write(" /A << /O /Table /Scope /"u8);
                b.Ascii(scope);
                b.Write(" >>"u8);
            }
            else if (node.ListNumbering is { } numbering)
            {
                b.Write(" /A << /O /List /ListNumbering /"u8);
                b.Ascii(numbering);
                b.Write(" >>"u8);
            }
            else if (node.BBox is { } box)
            {
                b.Write(" /A << /O /Layout /BBox ["u8);
                for (var i = 0; i < 4; i++)
                {
                    if (i > 0) b.Byte((byte)' ');
                    b.Num(box[i]);
                }
                b.Write("] >>"u8);
            }
            b.Write(" /K ["u8);
            foreach (var kid in node.Kids)
            {
                if (kid.Node is { } child)
                {
                    if (!child.HasContent()) continue;
                    b.Int(child.ObjectNumber);
                    b.Write(" 0 R "u8);
                }
                else if (kid.Annotation != 0)
                {
                    b.Write("<< /Type /OBJR /Obj "u8);
                    b.Int(kid.Annotation);
                    b.Write(" 0 R /Pg "u8);
                    b.Int(PageObject(kid.Page));
                    b.Write(" 0 R >> "u8);
                }
                else if (kid.Page == page)
                {
                    b.Int(kid.Mcid);
                    b.Byte((byte)' ');
                }
                else
                {
                    b.Write("<< /Type /MCR /Pg "u8);
                    b.Int(PageObject(kid.Page));
                    b.Write(" 0 R /MCID "u8);
                    b.Int(kid.Mcid);
                    b.Write(" >> "u8);
                }
            }
            b.Write("] >>\nendobj\n"u8);
        }

        var parentTree = Allocate();
        BeginObject(parentTree);
        b.Write("<< /Nums ["u8);
        for (var p = 0; p < _parentTree.Count; p++)
        {
            b.Int(p);
            b.Write(" ["u8);
            foreach (var node in _parentTree[p])
            {
                b.Int(node.ObjectNumber);
                b.Write(" 0 R "u8);
            }
            b.Write("]\n"u8);
        }
        for (var a = 0; a < _annotationParents.Count; a++)
        {
            b.Int(_pageCount + a);
            b.Byte((byte)' ');
            b.Int(_annotationParents[a].Node.ObjectNumber);
            b.Write(" 0 R\n"u8);
        }
        b.Write("] >>\nendobj\n"u8);

        BeginObject(rootObject);
        b.Write("<< /Type /StructTreeRoot /K ["u8);
        b.Int(root.ObjectNumber);
        b.Write(" 0 R] /ParentTree "u8);
        b.Int(parentTree);
        b.Write(" 0 R /ParentTreeNextKey "u8);
        b.Int(_pageCount + _annotationParents.Count);
        b.Write(" >>\nendobj\n"u8);
        return rootObject;
    }

    /// <summary>
    /// The XMP packet (uncompressed, as PDF/A wants it): the same title, author, subject, tool,
    /// producer and dates as the information dictionary, and the PDF/A and PDF/UA identifiers
    /// (with the extension schema PDF/A requires for pdfuaid).
    /// </summary>
    private int WriteXmp(DocumentMetadata metadata, PdfFinish finish)
    {
        var x = new StringBuilder(2048);
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
        if (finish.PdfA) x.Append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
        if (finish.PdfUA) x.Append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
        if (finish.PdfA && finish.PdfUA)
            x.Append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"");
        x.Append(">\n<dc:format>application/pdf</dc:format>\n");
        if (metadata.Title is { } title) x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (metadata.Author is { } author) x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Xml(author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (metadata.Subject is { } subject) x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        if (finish.Language is { Length: > 0 } lang) x.Append("<dc:language><rdf:Bag><rdf:li>").Append(Xml(lang)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        if (metadata.Creator is { } creator) x.Append("<xmp:CreatorTool>").Append(Xml(creator)).Append("</xmp:CreatorTool>\n");
        if (metadata.Created is { } created)
        {
            var date = created.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (created.Offset == TimeSpan.Zero ? "Z" : created.ToString("zzz", CultureInfo.InvariantCulture));
            x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n");
        }
        x.Append("<pdf:Producer>").Append(Producer).Append("</pdf:Producer>\n");
        if (finish.PdfA) x.Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n");
        if (finish.PdfUA) x.Append("<pdfuaid:part>1</pdfuaid:part>\n");
        if (finish.PdfA && finish.PdfUA)
            x.Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
             .Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>")
             .Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>")
             .Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>")
             .Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">")
             .Append("<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>")
             .Append("<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>")
             .Append("</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>\n");
        x.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        var bytes = Encoding.UTF8.GetBytes(x.ToString());
        var number = Allocate();
        BeginObject(number);
        _body.Write("<< /Type /Metadata /Subtype /XML /Length "u8);
        _body.Int(bytes.Length);
        _body.Write(" >>\nstream\n"u8);
        _body.Write(bytes);
        _body.Write("\nendstream\nendobj\n"u8);
        return number;

        static string Xml(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
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

/// <summary>What <see cref="PdfWriter.Finish"/> adds besides the pages: structure, language, conformance, output intent.</summary>
internal sealed record PdfFinish(StructNode? Root, string? Language, bool PdfUA, bool PdfA, byte[]? IccProfile);
