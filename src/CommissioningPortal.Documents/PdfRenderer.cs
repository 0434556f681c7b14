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
                DrawBand(canvas, header, bands, p, 0, text, bandFace, fill, stroke, size, margins, ruleY - 5, ruleY);
            }
            if (document.Footer is { } footer)
            {
                var ruleY = bodyBottom + BandGap;
                DrawBand(canvas, footer, bands, p, 3, text, bandFace, fill, stroke, size, margins, ruleY + 5 + bandFace.Ascent, ruleY);
            }
            foreach (var placement in pages[p].Placements)
                Draw(canvas, placement, text, fill, stroke);
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
                    fill.Color = op.Color;
                    text.Draw(canvas, op.Face!, op.Text!, op.X + dx, op.Y + dy, fill);
                    break;
                case OpKind.Line:
                    stroke.Color = op.Color;
                    stroke.StrokeWidth = op.Stroke;
                    canvas.DrawLine(op.X + dx, op.Y + dy, op.X2 + dx, op.Y2 + dy, stroke);
                    break;
                case OpKind.Fill:
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
        SKPaint fill, SKPaint stroke, PageSize size, Margins margins, float baseline, float ruleY)
    {
        fill.Color = FlowBuilder.Muted;
        var left = bands[page, column];
        var center = bands[page, column + 1];
        var right = bands[page, column + 2];
        if (left.Length > 0)
            text.Draw(canvas, face, left, margins.Left, baseline, fill);
        if (center.Length > 0)
            text.Draw(canvas, face, center, (margins.Left + size.Width - margins.Right - face.Measure(center)) / 2, baseline, fill);
        if (right.Length > 0)
            text.Draw(canvas, face, right, size.Width - margins.Right - face.Measure(right), baseline, fill);
        if (band.Rule)
        {
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
    /// Draws each run as a text blob with explicit glyph positions taken from the font's advances,
    /// which is what lets Skia write the run as one PDF string (see <see cref="FontFace"/>).
    /// One builder is reused for the whole document.
    /// </summary>
    private sealed class TextDrawer(DrawFonts fonts) : IDisposable
    {
        private readonly SKTextBlobBuilder _builder = new();

        public void Draw(SKCanvas canvas, FontFace face, string text, float x, float y, SKPaint paint)
        {
            var count = face.Source.CountGlyphs(text);
            if (count == 0) return;
            var run = _builder.AllocateRawHorizontalRun(fonts.Font(face), count, 0);
            face.Position(text, run.Glyphs, run.Positions);
            using var blob = _builder.Build();
            if (blob is not null) canvas.DrawText(blob, x, y, paint);
        }

        public void Dispose() => _builder.Dispose();
    }
}
