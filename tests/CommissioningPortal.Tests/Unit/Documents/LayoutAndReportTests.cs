using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Layouts;
using CommissioningPortal.Tests.Infrastructure;
using SkiaSharp;
using UglyToad.PdfPig;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>Issue 18 items 3–7: styles, layout blocks, charts, images, letters, reports and custom components.</summary>
public sealed class LayoutAndReportTests
{
    private static readonly string[] Quarters = ["Q1", "Q2", "Q3", "Q4"];

    /// <summary>A 40-page evaluation report with 6 charts and 10 tables (4 of them the charts' data tables' companions).</summary>
    internal static Document FortyPageReport()
    {
        var report = new Report("Community support evaluation 2026")
        {
            Subtitle = "Outcomes, spend and provider performance",
            Organisation = "Glenmore Council",
            Author = "Commissioning team",
            Date = new DateOnly(2026, 11, 30),
        };
        var kinds = new[] { ChartKind.Bar, ChartKind.Line, ChartKind.Pie, ChartKind.Bar, ChartKind.Line, ChartKind.Pie };
        for (var s = 0; s < 6; s++)
        {
            var blocks = new List<Block> { new Heading(2, $"Findings {s + 1}") };
            for (var p = 0; p < 42; p++) blocks.Add(new Paragraph(SampleDocuments.Lorem));
            var chart = new Chart(kinds[s], $"Chart {s + 1}: people supported", Quarters) { CategoryAxisLabel = "Quarter", ValueAxisLabel = "People" }
                .Add(kinds[s] == ChartKind.Pie ? "People" : "Locality A", 120 + s, 135, 150 + 3 * s, 170);
            if (kinds[s] != ChartKind.Pie) chart.Add("Locality B", 80, 95 + s, 90, 110);
            blocks.Add(chart);
            blocks.Add(new Heading(2, $"Detail {s + 1}"));
            for (var p = 0; p < 22; p++) blocks.Add(new Paragraph(SampleDocuments.Lorem));
            if (s < 4)
            {
                var table = new Table(3, 1, 1) { Caption = $"Table {s + 1}: provider returns" }.Header("Provider", "Hours", "Spend");
                for (var r = 0; r < 30; r++) table.Row($"Provider {r + 1}", $"{100 + r}", $"£{1000 + 17 * r:N0}");
                blocks.Add(table);
            }
            report.Section($"Section {s + 1}", blocks);
        }
        return report.ToDocument();
    }

    [Fact]
    public void Forty_page_report_with_six_charts_and_ten_tables_renders_with_every_charts_data_table()
    {
        var bytes = PdfRenderer.Render(FortyPageReport());

        var structure = PdfStructure.Read(bytes);
        Assert.True(structure.PageCounts.Count >= 40, $"expected at least 40 pages, got {structure.PageCounts.Count}");
        var all = structure.Root!.Descendants().ToList();
        Assert.Equal(6, all.Count(e => e.Type == "Figure"));
        var tables = all.Where(e => e.Type == "Table").ToList();
        Assert.Equal(10, tables.Count);
        var captions = tables.Select(t => t.Children.FirstOrDefault(c => c.Type == "Caption")?.Text(structure.McidText) ?? "").ToList();
        for (var c = 1; c <= 6; c++)
            Assert.Contains(captions, text => text.Replace(" ", "", StringComparison.Ordinal).Contains($"Datafor the chart“Chart{c}:peoplesupported”".Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(all.Where(e => e.Type == "Figure"), f => Assert.False(string.IsNullOrWhiteSpace(f.Alt)));
        Assert.All(structure.PageCounts, p => Assert.Equal(0, p.Untagged));

        // PdfPig reads each chart's data table as text too: the caption and the values under it.
        var text = string.Join(" ", PdfFiles.Pages(bytes));
        for (var c = 1; c <= 6; c++) Assert.Contains($"Data for the chart “Chart {c}: people supported”", text);
        Assert.Contains("Q1 120", text);

        PdfFiles.AssertRasterises(bytes, structure.PageCounts.Count);
        if (PdfStructure.QpdfCheck([]) is not null) Assert.Equal(0, PdfStructure.QpdfCheck(bytes)!.Value.ExitCode);
    }

    [Fact]
    public void Contents_page_lists_sections_with_the_page_they_start_on_and_links_to_them()
    {
        var bytes = PdfRenderer.Render(FortyPageReport());

        using var pdf = PdfDocument.Open(bytes);
        var contents = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("Contents", contents);
        for (var s = 1; s <= 6; s++)
        {
            var start = Enumerable.Range(3, pdf.NumberOfPages - 2)
                .First(p => string.Join(" ", pdf.GetPage(p).GetWords().Select(w => w.Text)).Contains($"Section {s} Findings {s}", StringComparison.Ordinal));
            Assert.Contains($"Section {s} {start}", contents);
        }
        var toc = PdfStructure.Read(bytes).Root!.Descendants().Single(e => e.Type == "TOC");
        Assert.Equal(18, toc.Children.Count(c => c.Type == "TOCI"));
        Assert.All(toc.Children, toci => Assert.Contains(toci.Descendants(), e => e.Type == "Link" && e.Annotations >= 1));
    }

    [Fact]
    public void Letter_has_letterhead_address_date_reference_subject_and_signatory()
    {
        var letter = new Letter(new Letterhead("Glenmore Council") { Address = ["1 High Street", "Glenmore GL1 1AA"], Email = "commissioning@glenmore.example" },
            "Ann Example", "2 Low Road", "Glenmore GL2 2BB")
        {
            Date = new DateOnly(2026, 12, 2),
            Reference = "ISF-2026-041",
            Subject = "Your Individual Service Fund review",
            SignatoryName = "Jamie Reid",
            SignatoryRole = "Head of Commissioning",
        }.Paragraph("Thank you for meeting us last week.").Paragraph(SampleDocuments.Lorem);

        var bytes = PdfRenderer.Render(letter.ToDocument());

        var text = string.Join(" ", PdfFiles.Pages(bytes));
        foreach (var expected in new[] { "Glenmore Council", "1 High Street", "Ann Example", "2 Low Road", "2 December 2026", "Our reference: ISF-2026-041",
                     "Dear Ann Example,", "Your Individual Service Fund review", "Yours sincerely,", "Jamie Reid", "Head of Commissioning" })
            Assert.Contains(expected, text);
        var structure = PdfStructure.Read(bytes);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", structure.Xmp);
        Assert.Equal("H1", structure.Root!.Descendants().First(e => e.Type.StartsWith('H')).Type);
    }

    [Fact]
    public void Theme_and_text_styles_colour_the_text()
    {
        var red = new Color(0xC0, 0x10, 0x20);
        var doc = new Document { Theme = Theme.Default with { Heading = red } };
        doc.Add(new Heading(1, "Red")).Add(new Paragraph("Green") { Style = new TextStyle { Color = new Color(0, 0x80, 0) } });

        using var pdf = PdfDocument.Open(PdfRenderer.Render(doc));

        var letters = pdf.GetPage(1).Letters;
        var (r, g, b) = letters.First(l => l.Value == "R").Color.ToRGBValues();
        Assert.Equal((0xC0 / 255.0, 0x10 / 255.0, 0x20 / 255.0), (Math.Round(r, 2), Math.Round(g, 2), Math.Round(b, 2)), new RoundedComparer());
        var green = letters.First(l => l.Value == "G").Color.ToRGBValues();
        Assert.Equal(0.5, Math.Round(green.g, 1));
    }

    private sealed class RoundedComparer : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 0.01 && Math.Abs(x.Item2 - y.Item2) < 0.01 && Math.Abs(x.Item3 - y.Item3) < 0.01;
        public int GetHashCode((double, double, double) obj) => 0;
    }

    [Fact]
    public void Font_family_registered_from_a_stream_is_embedded_and_used()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fonts", "Lato-Bold.ttf"));
        var family = FontFamily.FromStreams("Brand", stream);
        var doc = new Document { Theme = Theme.Default with { BodyFont = family } };
        doc.Paragraph("Branded text");

        using var pdf = PdfDocument.Open(PdfRenderer.Render(doc));

        Assert.Equal("Branded text", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        Assert.Contains("Lato-Bold", pdf.GetPage(1).Letters[0].FontName);
    }

    [Fact]
    public void Png_and_jpeg_images_are_drawn_and_tagged_as_figures_with_alternative_text()
    {
        var png = Encode(SKEncodedImageFormat.Png, withAlpha: true);
        var jpeg = Encode(SKEncodedImageFormat.Jpeg, withAlpha: false);
        var small = Image.FromBytes(jpeg, "A red square");
        small.Width = 60;
        var doc = new Document { new Heading(1, "Pictures"), Image.FromBytes(png, "A blue square"), small };
        doc.Metadata.Title = "Pictures";

        var bytes = PdfRenderer.Render(doc);

        using (var pdf = PdfDocument.Open(bytes))
            Assert.Equal(2, pdf.GetPage(1).GetImages().Count());
        var figures = PdfStructure.Read(bytes).Root!.Descendants().Where(e => e.Type == "Figure").ToList();
        Assert.Equal(["A blue square", "A red square"], figures.Select(f => f.Alt));
        PdfFiles.AssertRasterises(bytes, 1);

        static byte[] Encode(SKEncodedImageFormat format, bool withAlpha)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(40, 30, SKColorType.Rgba8888, withAlpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque));
            bitmap.Erase(withAlpha ? new SKColor(0x1D, 0x4E, 0x89, 0x80) : new SKColor(0xC0, 0x10, 0x20));
            using var image = SKImage.FromBitmap(bitmap);
            return image.Encode(format, 90).ToArray();
        }
    }

    [Fact]
    public void Rows_and_boxes_place_blocks_side_by_side_and_inside_a_border()
    {
        var doc = new Document
        {
            new Row().Column(1, new Paragraph("Left column")).Column(1, new Paragraph("Right column")),
            new Box(new Paragraph("Boxed text")) { Background = new Color(0xF0, 0xF4, 0xF8), Border = new Color(0x90, 0x90, 0x90) },
        };

        using var pdf = PdfDocument.Open(PdfRenderer.Render(doc));

        var words = pdf.GetPage(1).GetWords().ToList();
        var left = words.First(w => w.Text == "Left");
        var right = words.First(w => w.Text == "Right");
        Assert.Equal(left.BoundingBox.Bottom, right.BoundingBox.Bottom, 1);
        Assert.True(right.BoundingBox.Left > 250);
        Assert.Contains(words, w => w.Text == "Boxed");
    }

    private sealed class KeyFacts(params (string Label, string Value)[] facts) : IComponent
    {
        public IEnumerable<Block> Compose(ComposeContext context)
        {
            var table = new Table(2, 1) { RowHeaders = true, Caption = "Key facts" }.Header("Fact", "Value");
            foreach (var (label, value) in facts) table.Row(label, value);
            yield return new Box(new Paragraph("At a glance") { Style = new TextStyle { Bold = true, Color = context.Theme.Accent } }) { Background = context.Theme.TableHeaderBackground };
            yield return table;
        }
    }

    [Fact]
    public void Custom_components_compose_blocks_and_stay_tagged()
    {
        var doc = new Document { new Heading(1, "Summary") };
        doc.Add(new KeyFacts(("People supported", "1,204"), ("Providers", "37")));
        doc.Metadata.Title = "Summary";

        var bytes = PdfRenderer.Render(doc);

        Assert.Contains("People supported 1,204", PdfFiles.Pages(bytes)[0]);
        var table = PdfStructure.Read(bytes).Root!.Descendants().Single(e => e.Type == "Table");
        Assert.Equal("Row", table.Children.Last().Children[0].Scope);
    }

    [Fact]
    public void The_layout_engine_does_not_depend_on_the_agreement_code()
    {
        // Layout, Pdf, Fonts, Styles and the public blocks must never use Templates (Liquid, Markdown mapping, the ISF model).
        var assembly = typeof(PdfRenderer).Assembly;
        var engine = assembly.GetTypes().Where(t => t.Namespace is "CommissioningPortal.Documents" or "CommissioningPortal.Documents.Layout"
            or "CommissioningPortal.Documents.Pdf" or "CommissioningPortal.Documents.Fonts" or "CommissioningPortal.Documents.Layouts");
        foreach (var type in engine)
        {
            var used = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly).Select(f => f.FieldType)
                .Concat(type.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            Assert.DoesNotContain(used, u => u.Namespace == "CommissioningPortal.Documents.Templates");
        }
    }
}
