using CommissioningPortal.Documents;
using UglyToad.PdfPig;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

public sealed class PdfRendererTests
{
    private static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    private static string PageText(PdfDocument pdf, int number) =>
        string.Join(" ", pdf.GetPage(number).GetWords().Select(w => w.Text));

    [Fact]
    public void Fonts_are_copied_into_the_output_of_a_referencing_project()
    {
        foreach (var file in new[] { "Lato-Regular.ttf", "Lato-Italic.ttf", "Lato-Bold.ttf", "Lato-BoldItalic.ttf" })
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "fonts", file)), $"fonts/{file} missing from the test output");
    }

    [Fact]
    public void Paragraph_words_can_be_extracted()
    {
        var doc = new Document { new Paragraph("Commissioning makes services better for everyone.") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Equal(["Commissioning", "makes", "services", "better", "for", "everyone."], words);
    }

    [Fact]
    public void Long_paragraphs_wrap_and_hard_breaks_start_new_lines()
    {
        var doc = new Document { new Paragraph().Text(SampleDocuments.Lorem).LineBreak().Text("After the break") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var lines = pdf.GetPage(1).GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).ToList();
        Assert.True(lines.Count >= 3, $"expected the paragraph to wrap, got {lines.Count} line(s)");
        var last = string.Join(" ", lines.OrderBy(l => l.Key).First().Select(w => w.Text));
        Assert.Equal("After the break", last);
    }

    [Fact]
    public void Footer_shows_page_x_of_y_on_every_page()
    {
        var doc = new Document { Footer = new PageBand(Right: "Page {page} of {pages}") };
        doc.Paragraph("One").PageBreak().Paragraph("Two").PageBreak().Paragraph("Three");

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.Equal(3, pdf.NumberOfPages);
        for (var p = 1; p <= 3; p++)
            Assert.Contains($"Page {p} of 3", PageText(pdf, p));
    }

    [Fact]
    public void Table_header_row_is_repeated_on_the_next_page()
    {
        var table = new Table(2, 1).Header("Equipment reference", "Status");
        for (var r = 1; r <= 80; r++) table.Row($"Row {r}", "Passed");
        var doc = new Document { new Heading(1, "Test results"), table };

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.True(pdf.NumberOfPages >= 2);
        var page2 = PageText(pdf, 2);
        Assert.StartsWith("Equipment reference Status", page2);
        Assert.DoesNotContain("Row 1 ", PageText(pdf, 2) + " ");
        // Every row appears exactly once, whole, on one page.
        var all = Enumerable.Range(1, pdf.NumberOfPages).Select(p => PageText(pdf, p) + " ").ToList();
        for (var r = 1; r <= 80; r++)
            Assert.Single(all, text => text.Contains($"Row {r} Passed ", StringComparison.Ordinal));
    }

    [Fact]
    public void Keep_together_block_that_does_not_fit_moves_to_the_next_page()
    {
        // Fill page 1 as far as it goes while a one-line paragraph still fits after the filler.
        var filler = 0;
        while (PageCount(Filled(filler + 1).Add(new Paragraph("Sign-off"))) == 1) filler++;
        Assert.Equal(1, PageCount(Filled(filler).Add(new Paragraph("Sign-off"))));

        var doc = Filled(filler).Add(new KeepTogether(
            new Heading(2, "Sign-off"),
            new Paragraph(SampleDocuments.Lorem),
            new SignatureBlock("Jamie Reid", "Head of Commissioning")));

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.Equal(2, pdf.NumberOfPages);
        Assert.DoesNotContain("Sign-off", PageText(pdf, 1));
        Assert.StartsWith("Sign-off", PageText(pdf, 2));
        Assert.Contains("Jamie Reid", PageText(pdf, 2));

        static Document Filled(int lines)
        {
            var doc = new Document();
            for (var i = 0; i < lines; i++) doc.Paragraph($"Filler line {i}");
            return doc;
        }

        static int PageCount(Document doc)
        {
            using var pdf = PdfDocument.Open(PdfRenderer.Render(doc));
            return pdf.NumberOfPages;
        }
    }

    [Fact]
    public void Metadata_is_written()
    {
        var doc = new Document { new Paragraph("Body") };
        doc.Metadata.Title = "Contract award report";
        doc.Metadata.Author = "Jamie Reid";
        doc.Metadata.Subject = "Award";
        doc.Metadata.Creator = "CommissioningPortal";

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.Equal("Contract award report", pdf.Information.Title);
        Assert.Equal("Jamie Reid", pdf.Information.Author);
        Assert.Equal("Award", pdf.Information.Subject);
        Assert.Equal("CommissioningPortal", pdf.Information.Creator);
    }

    [Fact]
    public void Metadata_outside_ascii_is_written_as_unicode()
    {
        var doc = new Document { new Paragraph("Body") };
        doc.Metadata.Title = "Aonta ISF — Ceòl (£412.50)";
        doc.Metadata.Author = "Comhairle nan Eilean Siar";

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.Equal("Aonta ISF — Ceòl (£412.50)", pdf.Information.Title);
        Assert.Equal("Comhairle nan Eilean Siar", pdf.Information.Author);
    }

    [Fact]
    public void The_same_document_always_gives_the_same_bytes()
    {
        static Document Make()
        {
            var doc = SampleDocuments.Report();
            doc.Metadata.Created = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
            return doc;
        }

        var first = PdfRenderer.Render(Make());
        var second = PdfRenderer.Render(Make());
        using var stream = new MemoryStream();
        PdfRenderer.Render(Make(), stream);

        Assert.Equal(first, second);
        Assert.Equal(first, stream.ToArray());
        using var pdf = Open(first);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero), pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Right_aligned_text_ends_exactly_at_the_right_margin()
    {
        // Glyphs are placed by the font widths in the PDF; they must add up to what the layout measured.
        var doc = new Document { Footer = new PageBand(Left: "Left side", Right: "Page {page} of {pages} — Überprüfung (WAVE)") };
        doc.Paragraph("Body");

        using var pdf = Open(PdfRenderer.Render(doc));

        var page = pdf.GetPage(1);
        var last = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).MaxBy(l => l.EndBaseLine.X)!;
        Assert.Equal(")", last.Value);
        Assert.Equal(page.Width - Margins.Default.Right, last.EndBaseLine.X, 0.02);
        Assert.Contains("Page 1 of 1 — Überprüfung (WAVE)", PageText(pdf, 1));
    }

    [Fact]
    public void Brackets_backslashes_and_characters_the_font_lacks_extract_faithfully()
    {
        // Glyph IDs are written as binary strings: the bytes of '(' ')' '\\' and line ends (' and * are glyphs 10 and 13 in Lato) must be escaped.
        var doc = new Document { new Paragraph(@"Café (draft) C:\isf\notes it's *ﬁnal* 日本 end") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var text = PageText(pdf, 1);
        Assert.StartsWith(@"Café (draft) C:\isf\notes it's *ﬁnal* ", text);
        Assert.EndsWith(" end", text);
        Assert.DoesNotContain("日", text); // Lato has no CJK: drawn as .notdef, extracted as U+FFFD
        Assert.Contains("\uFFFD", text);
    }

    [Fact]
    public void Bold_and_italic_spans_use_their_own_fonts()
    {
        var doc = new Document { new Paragraph().Text("plain ").Bold("strong").Text(" ").Italic("slanted") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var words = pdf.GetPage(1).GetWords().ToDictionary(w => w.Text);
        string FontOf(string word) => words[word].Letters[0].FontName ?? "";
        Assert.Contains("Lato-Regular", FontOf("plain"));
        Assert.Contains("Lato-Bold", FontOf("strong"));
        Assert.Contains("Lato-Italic", FontOf("slanted"));
        Assert.NotEqual(FontOf("plain"), FontOf("strong"));
    }

    [Fact]
    public void Lists_number_and_bullet_their_items()
    {
        var doc = new Document { ListBlock.Ordered("First", "Second"), ListBlock.Bulleted("Apples") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var text = PageText(pdf, 1);
        Assert.Contains("1. First", text);
        Assert.Contains("2. Second", text);
        Assert.Contains("• Apples", text);
    }

    [Fact]
    public void Letter_pages_have_letter_size()
    {
        var doc = new Document { PageSize = PageSize.Letter };
        doc.Paragraph("Hello");

        using var pdf = Open(PdfRenderer.Render(doc));

        Assert.Equal(612, pdf.GetPage(1).Width, 0.5);
        Assert.Equal(792, pdf.GetPage(1).Height, 0.5);
    }

    [Fact]
    public void Missing_font_folder_fails_with_a_helpful_message()
    {
        var ex = Assert.Throws<FileNotFoundException>(() =>
            PdfRenderer.Render(new Document { new Paragraph("x") }, new PdfRenderOptions { FontFolder = "/nonexistent/fonts" }));
        Assert.Contains("Lato-Regular.ttf", ex.Message);
    }

    [Fact]
    public void A_word_longer_than_its_cell_is_broken_to_fit()
    {
        var reference = new string('x', 120);
        var doc = new Document { new Table(1, 4).Header("Ref", "Note").Row(reference, "ok") };

        using var pdf = Open(PdfRenderer.Render(doc));

        var page = pdf.GetPage(1);
        var letters = page.Letters.Where(l => l.Value == "x").ToList();
        Assert.Equal(120, letters.Count);
        var columnRight = Margins.Default.Left + (page.Width - Margins.Default.Left - Margins.Default.Right) / 5;
        Assert.All(letters, l => Assert.True(l.BoundingBox.Right <= columnRight, $"x at {l.BoundingBox.Right} > {columnRight}"));
    }

    [Fact]
    public void Subsetting_only_shrinks_the_embedded_fonts()
    {
        var doc = SampleDocuments.Report();

        var subset = PdfRenderer.Render(doc);
        var whole = PdfRenderer.Render(doc, new PdfRenderOptions { SubsetFonts = false });

        Assert.True(subset.Length * 2 < whole.Length, $"subset {subset.Length:N0} bytes, whole fonts {whole.Length:N0} bytes");
        using var a = Open(subset);
        using var b = Open(whole);
        for (var p = 1; p <= a.NumberOfPages; p++)
            Assert.Equal(PageText(b, p), PageText(a, p));
    }

    [Fact]
    public void Sample_report_is_eight_small_pages_that_poppler_can_rasterise()
    {
        var bytes = PdfRenderer.Render(SampleDocuments.Report());

        using (var pdf = Open(bytes))
        {
            Assert.Equal(8, pdf.NumberOfPages);
            Assert.Contains("Page 8 of 8", PageText(pdf, 8));
        }
        Assert.True(bytes.Length < 150 * 1024, $"{bytes.Length:N0} bytes");

        CommissioningPortal.Tests.Infrastructure.PdfFiles.AssertRasterises(bytes, 8);
    }
}
