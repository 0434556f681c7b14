using System.Text;
using CommissioningPortal.Documents.Fonts;
using CommissioningPortal.Documents.Layout;
using CommissioningPortal.Documents.Pdf;

namespace CommissioningPortal.Documents;

/// <summary>
/// Renders a <see cref="Document"/> to PDF. The whole flow is laid out first (SkiaSharp loads the
/// fonts; text is measured from their advances) so the page count is known, then every page is
/// written by our own <see cref="PdfWriter"/> with its header and footer ("Page X of Y").
/// Text is real PDF text in embedded Lato subsets, so it can be searched and extracted.
/// The same document always gives the same bytes. Thread-safe: fonts are shared, everything else is per call.
/// </summary>
public static class PdfRenderer
{
    private const float BandFontSize = 8.5f;
    private const float BandGap = 14f;
    private const int StackGlyphs = 256;

    public static byte[] Render(Document document, PdfRenderOptions? options = null) => Write(document, options).ToArray();

    public static void Render(Document document, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Write(document, options));
    }

    private static ReadOnlySpan<byte> Write(Document document, PdfRenderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= PdfRenderOptions.Default;

        var fonts = FontSet.For(options.FontFolder);
        var theme = document.Theme;
        var bodyFonts = theme.BodyFont?.Set ?? fonts;
        var size = document.PageSize;
        var margins = document.Margins;
        var bodyWidth = size.Width - margins.Left - margins.Right;
        var bodyBottom = size.Height - margins.Bottom;
        if (bodyWidth <= 0 || bodyBottom <= margins.Top)
            throw new ArgumentException("The margins leave no room for the body of the page.", nameof(document));

        // 1. Lay out everything (and build the structure tree beside it), so the page count is known.
        var root = new StructNode("Document", null);
        var state = new LayoutState();
        var chunks = new FlowBuilder(theme, fonts, bodyWidth, root, state).Build(document.Blocks);
        for (var r = state.PendingContents.Count - 1; r >= 0; r--)
        {
            var request = state.PendingContents[r];
            request.Output.InsertRange(request.Index, request.Builder.ContentsEntries(request.MaxLevel, request.Toc, request.FirstHeading));
        }
        var pages = Paginator.Paginate(chunks, margins.Left, margins.Top, bodyBottom);
        var anchors = ResolveAnchors(pages);
        var bandFace = bodyFonts.Get(FontStyle.Regular, BandFontSize);
        var bands = new string[pages.Count, 6];
        for (var p = 0; p < pages.Count; p++)
        {
            FormatBand(document.Header, bands, p, 0, pages.Count);
            FormatBand(document.Footer, bands, p, 3, pages.Count);
        }

        // 2. Work out which glyphs each face draws (and the text each stands for): the fonts embed just those.
        var marks = new GlyphMarks();
        foreach (var page in pages)
            foreach (var placement in page.Placements)
                foreach (var op in placement.Chunk.Ops)
                    if (op.Kind == OpKind.Text) marks.Mark(op.Face!.Source, op.Text!);
        foreach (var band in bands) marks.Mark(bandFace.Source, band);

        // 3. Write.
        var pdf = new PdfWriter(size, pages.Count, marks.Resources(options.SubsetFonts), anchors);
        for (var p = 0; p < pages.Count; p++)
        {
            pdf.BeginPage();
            if (document.Header is { } header)
            {
                var ruleY = margins.Top - BandGap;
                pdf.MarkPagination(header: true);
                DrawBand(pdf, header, bands, p, 0, bandFace, size, margins, ruleY - 5, ruleY, theme);
            }
            if (document.Footer is { } footer)
            {
                var ruleY = bodyBottom + BandGap;
                pdf.MarkPagination(header: false);
                DrawBand(pdf, footer, bands, p, 3, bandFace, size, margins, ruleY + 5 + bandFace.Ascent, ruleY, theme);
            }
            foreach (var placement in pages[p].Placements)
                Draw(pdf, placement);
            pdf.EndPage();
        }

        var title = document.Metadata.Title;
        var accessible = !string.IsNullOrWhiteSpace(title) && state.HeadingsInOrder && !state.MissingAlt && !string.IsNullOrEmpty(document.Language);
        byte[]? icc = null;
        if (options.Archival)
        {
            icc = SrgbProfile.Bytes ?? throw new InvalidOperationException(
                "The sRGB ICC profile is not embedded in CommissioningPortal.Documents; rebuild it (the build copies it from npm).");
        }
        return pdf.Finish(document.Metadata, new PdfFinish(root, document.Language, accessible, options.Archival, icc));
    }

    /// <summary>
    /// Each heading's page and top; then the contents' page numbers, which only pagination knows
    /// (their width does not change the layout: they are right-aligned on a line of their own height).
    /// </summary>
    private static Dictionary<string, (int Page, float Y)> ResolveAnchors(List<LaidOutPage> pages)
    {
        var anchors = new Dictionary<string, (int, float)>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var placement in pages[p].Placements)
                if (placement.Chunk.Anchor is { } anchor && !placement.Repeat)
                    anchors.TryAdd(anchor, (p, placement.Y));
        foreach (var page in pages)
            foreach (var placement in page.Placements)
            {
                var ops = placement.Chunk.Ops;
                for (var i = 0; i < ops.Count; i++)
                    if (ops[i] is { Kind: OpKind.Text, Text: [DrawOp.PageNumberMark, ..] text })
                        ops[i] = ops[i].WithPageNumber(anchors.TryGetValue(text[1..], out var at)
                            ? (at.Item1 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                            : "");
            }
        return anchors;
    }

    private static void Draw(PdfWriter pdf, Placement placement)
    {
        var ops = placement.Chunk.Ops;
        float dx = placement.X, dy = placement.Y;
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            pdf.Mark(placement.Repeat ? null : op.Tag, op.Kind == OpKind.Text);
            switch (op.Kind)
            {
                case OpKind.Text:
                    pdf.Text(op.Face!, op.Text!, op.X + dx, op.Y + dy, op.Color);
                    if (op.Link is { } link && !placement.Repeat && op.Text!.Trim().Length > 0)
                    {
                        var width = op.Face!.Measure(op.Text.TrimEnd());
                        pdf.Link(op.X + dx, op.Y + dy - op.Face.Ascent, op.X + dx + width, op.Y + dy + op.Face.Descent, link, op.Tag);
                    }
                    break;
                case OpKind.Line:
                    pdf.Line(op.X + dx, op.Y + dy, op.X2 + dx, op.Y2 + dy, op.Color, op.Stroke);
                    break;
                case OpKind.Fill:
                    pdf.Fill(op.X + dx, op.Y + dy, op.X2 + dx, op.Y2 + dy, op.Color);
                    break;
                case OpKind.Path:
                    pdf.Path(op.Points!, dx, dy, op.Color, op.Stroke);
                    break;
                case OpKind.Image:
                    pdf.Image(op.Image!, op.X + dx, op.Y + dy, op.X2 + dx, op.Y2 + dy);
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

    private static void DrawBand(PdfWriter pdf, PageBand band, string[,] bands, int page, int column, FontFace face,
        PageSize size, Margins margins, float baseline, float ruleY, Theme theme)
    {
        var left = bands[page, column];
        var center = bands[page, column + 1];
        var right = bands[page, column + 2];
        if (left.Length > 0)
            pdf.Text(face, left, margins.Left, baseline, theme.Muted);
        if (center.Length > 0)
            pdf.Text(face, center, (margins.Left + size.Width - margins.Right - face.Measure(center)) / 2, baseline, theme.Muted);
        if (right.Length > 0)
            pdf.Text(face, right, size.Width - margins.Right - face.Measure(right), baseline, theme.Muted);
        if (band.Rule)
            pdf.Line(margins.Left, ruleY, size.Width - margins.Right, ruleY, theme.Rule, 0.5f);
    }

    /// <summary>Per face: the glyphs the document draws, and the code point each stands for (for ToUnicode).</summary>
    private sealed class GlyphMarks
    {
        private readonly List<(FontSource Source, bool[] Used, int[] Unicode)> _faces = [];
        private FontSource? _last;
        private int _lastIndex;

        public void Mark(FontSource source, string text)
        {
            if (text.Length == 0) return;
            if (!ReferenceEquals(source, _last))
            {
                _lastIndex = _faces.FindIndex(f => ReferenceEquals(f.Source, source));
                if (_lastIndex < 0)
                {
                    _faces.Add((source, new bool[source.GlyphCount], new int[source.GlyphCount]));
                    _lastIndex = _faces.Count - 1;
                }
                _last = source;
            }
            var (_, used, unicode) = _faces[_lastIndex];
            var count = source.CountGlyphs(text);
            Span<ushort> glyphs = count <= StackGlyphs ? stackalloc ushort[count] : new ushort[count];
            source.GetGlyphs(text, glyphs);
            if (FontSource.IsTableText(text))
            {
                for (var i = 0; i < glyphs.Length; i++) Set(glyphs[i], text[i]);
                return;
            }
            // One glyph per code point.
            var g = 0;
            foreach (var rune in text.AsSpan().EnumerateRunes())
            {
                if (g == glyphs.Length) break;
                Set(glyphs[g++], rune.Value);
            }
            while (g < glyphs.Length) Set(glyphs[g++], Rune.ReplacementChar.Value);

            void Set(ushort glyph, int codePoint)
            {
                if (glyph >= used.Length) return;
                if (!used[glyph])
                {
                    used[glyph] = true;
                    // .notdef stands for every character the font lacks: extract it as U+FFFD, not as the first one seen.
                    unicode[glyph] = glyph == 0 ? Rune.ReplacementChar.Value : codePoint;
                }
            }
        }

        public List<(FontSource, PdfFontResource)> Resources(bool subset) =>
            _faces.Select(f => (f.Source, PdfFontResource.For(f.Source, f.Used, f.Unicode, subset))).ToList();
    }
}
