using CommissioningPortal.Documents.Fonts;
using CommissioningPortal.Documents.Layout;
using SkiaSharp;

namespace CommissioningPortal.Documents;

/// <summary>
/// Renders a <see cref="Document"/> to PDF with SkiaSharp. The whole flow is laid out first so the
/// page count is known, then every page is drawn with its header and footer ("Page X of Y").
/// Text is real PDF text in embedded Lato subsets, so it can be searched and extracted.
/// Thread-safe: fonts are shared, everything else is per call.
/// </summary>
public static class PdfRenderer
{
    private const float BandFontSize = 8.5f;
    private const float BandGap = 14f;
    private const int StackGlyphs = 256;

    public static byte[] Render(Document document, PdfRenderOptions? options = null)
    {
        using var stream = new MemoryStream(32 * 1024);
        Render(document, stream, options);
        return stream.ToArray();
    }

    public static void Render(Document document, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        options ??= PdfRenderOptions.Default;

        var fonts = FontSet.For(options.FontFolder);
        var size = document.PageSize;
        var margins = document.Margins;
        var bodyWidth = size.Width - margins.Left - margins.Right;
        var bodyBottom = size.Height - margins.Bottom;
        if (bodyWidth <= 0 || bodyBottom <= margins.Top)
            throw new ArgumentException("The margins leave no room for the body of the page.", nameof(document));

        // 1. Lay out everything, so the page count is known.
        var chunks = new FlowBuilder(fonts, bodyWidth, document.BaseFontSize).Build(document.Blocks);
        var pages = Paginator.Paginate(chunks, margins.Left, margins.Top, bodyBottom);
        var bandFace = fonts.Get(FontStyle.Regular, BandFontSize);
        var bands = new string[pages.Count, 6];
        for (var p = 0; p < pages.Count; p++)
        {
            FormatBand(document.Header, bands, p, 0, pages.Count);
            FormatBand(document.Footer, bands, p, 3, pages.Count);
        }

        // 2. Work out which glyphs each face draws and make font subsets of just those.
        var drawFonts = new DrawFonts(fonts, options.SubsetFonts);
        if (options.SubsetFonts)
        {
            foreach (var page in pages)
                foreach (var placement in page.Placements)
                    foreach (var op in placement.Chunk.Ops)
                        if (op.Kind == OpKind.Text) drawFonts.Mark(op.Face!, op.Text!);
            foreach (var band in bands) drawFonts.Mark(bandFace, band);
            drawFonts.CreateSubsets();
        }

        // 3. Draw.
        using var pdf = SKDocument.CreatePdf(output, Metadata(document.Metadata))
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var text = new TextDrawer(drawFonts);

        for (var p = 0; p < pages.Count; p++)
        {
            var canvas = pdf.BeginPage(size.Width, size.Height);
            if (document.Header is { } header)
            {
                var ruleY = margins.Top - BandGap;
                DrawBand(canvas, header, bands, p, 0, text, bandFace, stroke, size, margins, ruleY - 5, ruleY);
            }
            if (document.Footer is { } footer)
            {
                var ruleY = bodyBottom + BandGap;
                DrawBand(canvas, footer, bands, p, 3, text, bandFace, stroke, size, margins, ruleY + 5 + bandFace.Ascent, ruleY);
            }
            foreach (var placement in pages[p].Placements)
                Draw(canvas, placement, text, fill, stroke);
            text.Flush(canvas);
            pdf.EndPage();
        }
        pdf.Close();
    }

    private static void Draw(SKCanvas canvas, Placement placement, TextDrawer text, SKPaint fill, SKPaint stroke)
    {
        var ops = placement.Chunk.Ops;
        float dx = placement.X, dy = placement.Y;
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            switch (op.Kind)
            {
                case OpKind.Text:
                    text.Add(canvas, op.Face!, op.Text!, op.X + dx, op.Y + dy, op.Color);
                    break;
                case OpKind.Line:
                    text.Flush(canvas);
                    stroke.Color = op.Color;
                    stroke.StrokeWidth = op.Stroke;
                    canvas.DrawLine(op.X + dx, op.Y + dy, op.X2 + dx, op.Y2 + dy, stroke);
                    break;
                case OpKind.Fill:
                    text.Flush(canvas);
                    fill.Color = op.Color;
                    canvas.DrawRect(SKRect.Create(op.X + dx, op.Y + dy, op.X2 - op.X, op.Y2 - op.Y), fill);
                    break;
            }
        }
    }

    private static void FormatBand(PageBand? band, string[,] bands, int page, int column, int pages)
    {
        bands[page, column] = PageBand.Format(band?.Left, page + 1, pages);
        bands[page, column + 1] = PageBand.Format(band?.Center, page + 1, pages);
        bands[page, column + 2] = PageBand.Format(band?.Right, page + 1, pages);
    }

    private static void DrawBand(SKCanvas canvas, PageBand band, string[,] bands, int page, int column, TextDrawer text, FontFace face,
        SKPaint stroke, PageSize size, Margins margins, float baseline, float ruleY)
    {
        var left = bands[page, column];
        var center = bands[page, column + 1];
        var right = bands[page, column + 2];
        if (left.Length > 0)
            text.Add(canvas, face, left, margins.Left, baseline, FlowBuilder.Muted);
        if (center.Length > 0)
            text.Add(canvas, face, center, (margins.Left + size.Width - margins.Right - face.Measure(center)) / 2, baseline, FlowBuilder.Muted);
        if (right.Length > 0)
            text.Add(canvas, face, right, size.Width - margins.Right - face.Measure(right), baseline, FlowBuilder.Muted);
        if (band.Rule)
        {
            text.Flush(canvas);
            stroke.Color = FlowBuilder.Border;
            stroke.StrokeWidth = 0.5f;
            canvas.DrawLine(margins.Left, ruleY, size.Width - margins.Right, ruleY, stroke);
        }
    }

    private static SKDocumentPdfMetadata Metadata(DocumentMetadata m)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = m.Title;
        metadata.Author = m.Author;
        metadata.Subject = m.Subject;
        metadata.Creator = m.Creator;
        metadata.Producer = "CommissioningPortal.Documents (SkiaSharp)";
        if (m.Created is { } created)
        {
            metadata.Creation = created.UtcDateTime;
            metadata.Modified = created.UtcDateTime;
        }
        return metadata;
    }

    /// <summary>Maps each layout face to the SKFont it is drawn with: a subset of its typeface, or the full one.</summary>
    private sealed class DrawFonts(FontSet fonts, bool subset)
    {
        private readonly bool[]?[] _used = new bool[4][];
        private readonly SubsetTypeface?[] _subsets = new SubsetTypeface[4];
        private FontFace? _lastFace;
        private SKFont? _lastFont;

        public void Mark(FontFace face, string text)
        {
            if (text.Length == 0) return;
            var used = _used[(int)face.Style] ??= new bool[face.Source.GlyphCount];
            var count = face.Source.CountGlyphs(text);
            Span<ushort> glyphs = count <= StackGlyphs ? stackalloc ushort[count] : new ushort[count];
            face.Source.GetGlyphs(text, glyphs);
            foreach (var glyph in glyphs)
                if (glyph < used.Length) used[glyph] = true;
        }

        public void CreateSubsets()
        {
            for (var style = 0; style < 4; style++)
                if (_used[style] is { } used)
                    _subsets[style] = fonts.Source((FontStyle)style).Subset(used);
        }

        public SKFont Font(FontFace face)
        {
            if (ReferenceEquals(face, _lastFace)) return _lastFont!;
            var font = subset && _subsets[(int)face.Style] is { } s ? s.Font(face.Size) : face.Font;
            _lastFace = face;
            _lastFont = font;
            return font;
        }
    }

    /// <summary>
    /// Draws text as blobs with explicit glyph positions taken from the font's advances, which is
    /// what lets Skia write each line as one PDF string (see <see cref="FontFace"/>). Consecutive
    /// runs in the same face and colour (the lines of a paragraph, the cells of a row) are batched
    /// into one positioned blob: Skia's per-draw cost (strike, graphics state, BT/Tf/Tm/ET) is paid
    /// once per batch, and each further line costs only a "Td". A line joins a batch only when Skia
    /// will see its glyphs exactly at the advances it adds up ((x + advance) − x == advance in
    /// single precision), so the PDF never repositions single glyphs; otherwise it starts a new
    /// batch. Drawing order is unchanged: lines and fills flush the batch first.
    /// One builder is reused for the whole document.
    /// </summary>
    private sealed class TextDrawer(DrawFonts fonts) : IDisposable
    {
        private readonly SKTextBlobBuilder _builder = new();
        private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
        private ushort[] _glyphs = new ushort[1024];
        private SKPoint[] _points = new SKPoint[1024];
        private float[] _advances = new float[StackGlyphs];
        private int _count;
        private FontFace? _face;
        private SKColor _color;
        private float _x, _y;

        public void Add(SKCanvas canvas, FontFace face, string text, float x, float y, SKColor color)
        {
            var count = face.Source.CountGlyphs(text);
            if (count == 0) return;
            if (_count > 0 && (!ReferenceEquals(face, _face) || color != _color)) Flush(canvas);
            if (_advances.Length < count) _advances = new float[Math.Max(count, 2 * _advances.Length)];
            if (_glyphs.Length < _count + count)
            {
                var grown = Math.Max(_count + count, 2 * _glyphs.Length);
                Array.Resize(ref _glyphs, grown);
                Array.Resize(ref _points, grown);
            }
            var glyphs = _glyphs.AsSpan(_count, count);
            var advances = _advances.AsSpan(0, count);
            face.Position(text, glyphs, advances);

            float dx = 0, dy = 0;
            if (_count > 0)
            {
                dx = x - _x;
                dy = y - _y;
                if (!Exact(dx, advances))
                {
                    Flush(canvas);
                    glyphs.CopyTo(_glyphs);
                    glyphs = _glyphs.AsSpan(0, count);
                    dx = dy = 0;
                }
            }
            if (_count == 0)
            {
                _face = face;
                _color = color;
                _x = x;
                _y = y;
            }
            var points = _points.AsSpan(_count, count);
            for (var i = 0; i < count; i++) points[i] = new SKPoint(dx + advances[i], dy);
            _count += count;
        }

        /// <summary>Whether Skia, measuring each glyph from the line's start at <paramref name="x"/>, gets back exactly the summed advances.</summary>
        private static bool Exact(float x, ReadOnlySpan<float> advances)
        {
            if (x == 0) return true;
            foreach (var a in advances)
                if ((x + a) - x != a) return false;
            return true;
        }

        public void Flush(SKCanvas canvas)
        {
            if (_count == 0) return;
            var run = _builder.AllocateRawPositionedRun(fonts.Font(_face!), _count);
            _glyphs.AsSpan(0, _count).CopyTo(run.Glyphs);
            _points.AsSpan(0, _count).CopyTo(run.Positions);
            _count = 0;
            using var blob = _builder.Build();
            _paint.Color = _color;
            if (blob is not null) canvas.DrawText(blob, _x, _y, _paint);
        }

        public void Dispose()
        {
            _builder.Dispose();
            _paint.Dispose();
        }
    }
}
