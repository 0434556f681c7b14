using CommissioningPortal.Documents.Layout;
using SkiaSharp;

namespace CommissioningPortal.Documents;

/// <summary>
/// Renders a <see cref="Document"/> to PDF with SkiaSharp. The whole flow is laid out first so the
/// page count is known, then every page is drawn with its header and footer ("Page X of Y").
/// Text is real PDF text in the embedded (subset) Lato fonts, so it can be searched and extracted.
/// Thread-safe: fonts are shared, everything else is per call.
/// </summary>
public static class PdfRenderer
{
    private const float BandFontSize = 8.5f;
    private const float BandGap = 14f;

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

        var chunks = new FlowBuilder(fonts, bodyWidth, document.BaseFontSize).Build(document.Blocks);
        var pages = Paginator.Paginate(chunks, margins.Left, margins.Top, bodyBottom);

        using var pdf = SKDocument.CreatePdf(output, Metadata(document.Metadata))
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        var band = fonts.Get(FontStyle.Regular, BandFontSize);

        for (var p = 0; p < pages.Count; p++)
        {
            var canvas = pdf.BeginPage(size.Width, size.Height);
            if (document.Header is { } header)
            {
                var ruleY = margins.Top - BandGap;
                DrawBand(canvas, header, band, fill, stroke, size, margins, ruleY - 5, ruleY, p + 1, pages.Count);
            }
            if (document.Footer is { } footer)
            {
                var ruleY = bodyBottom + BandGap;
                DrawBand(canvas, footer, band, fill, stroke, size, margins, ruleY + 5 + band.Ascent, ruleY, p + 1, pages.Count);
            }
            foreach (var placement in pages[p].Placements)
                Draw(canvas, placement, fill, stroke);
            pdf.EndPage();
        }
        pdf.Close();
    }

    private static void Draw(SKCanvas canvas, Placement placement, SKPaint fill, SKPaint stroke)
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
                    canvas.DrawText(op.Text!, op.X + dx, op.Y + dy, SKTextAlign.Left, op.Font!, fill);
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

    private static void DrawBand(SKCanvas canvas, PageBand band, FontFace face, SKPaint fill, SKPaint stroke,
        PageSize size, Margins margins, float baseline, float ruleY, int page, int pages)
    {
        fill.Color = FlowBuilder.Muted;
        var left = PageBand.Format(band.Left, page, pages);
        var center = PageBand.Format(band.Center, page, pages);
        var right = PageBand.Format(band.Right, page, pages);
        if (left.Length > 0)
            canvas.DrawText(left, margins.Left, baseline, SKTextAlign.Left, face.Font, fill);
        if (center.Length > 0)
            canvas.DrawText(center, (margins.Left + size.Width - margins.Right) / 2, baseline, SKTextAlign.Center, face.Font, fill);
        if (right.Length > 0)
            canvas.DrawText(right, size.Width - margins.Right, baseline, SKTextAlign.Right, face.Font, fill);
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
}
