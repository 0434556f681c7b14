using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>Issue 18 item 1 and 8: the PDFs are tagged, and the tagging is read back from the file.</summary>
public sealed class TaggedPdfTests
{
    private static byte[] Agreement() => PdfRenderer.Render(AgreementTemplate.Render(AgreementTemplate.Default, IsfAgreementModel.Sample()));

    [Fact]
    public void Default_agreement_is_tagged_with_language_title_and_marked_info()
    {
        var pdf = PdfStructure.Read(Agreement());

        Assert.NotNull(pdf.Root);
        Assert.True(pdf.Marked, "/MarkInfo << /Marked true >> missing");
        Assert.Equal("en-GB", pdf.Lang);
        Assert.True(pdf.DisplayDocTitle, "/ViewerPreferences << /DisplayDocTitle true >> missing");
        Assert.Contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Individual Service Fund agreement for", pdf.Xmp);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", pdf.Xmp);
        var document = Assert.Single(pdf.Root!.Children);
        Assert.Equal("Document", document.Type);
    }

    [Fact]
    public void Every_letter_on_every_page_is_tagged_or_an_artifact_and_every_mcid_is_in_the_tree()
    {
        var pdf = PdfStructure.Read(Agreement());

        Assert.True(pdf.PageCounts.Count >= 6);
        foreach (var (page, untagged, artifact, tagged) in pdf.PageCounts)
        {
            Assert.True(untagged == 0, $"page {page}: {untagged} letters outside marked content");
            Assert.True(tagged > 0, $"page {page}: nothing tagged");
            Assert.True(artifact > 0, $"page {page}: the running header and footer should be artifacts");
        }
        var referenced = pdf.Root!.Descendants().SelectMany(e => e.Content).ToHashSet();
        foreach (var mcid in pdf.McidText.Keys)
            Assert.Contains(mcid, referenced);
    }

    [Fact]
    public void Running_header_footer_and_page_numbers_are_artifacts_not_content()
    {
        var pdf = PdfStructure.Read(Agreement());

        var pages = pdf.PageCounts.Count;
        for (var p = 1; p <= pages; p++)
            Assert.Contains($"Page{p}of{pages}", pdf.ArtifactText[p].Replace(" ", "", StringComparison.Ordinal));
        var tagged = string.Concat(pdf.McidText.Values);
        Assert.DoesNotContain($"of{pages}", tagged.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Headings_start_at_h1_and_never_skip_a_level()
    {
        var pdf = PdfStructure.Read(Agreement());

        var levels = pdf.Root!.Descendants().Where(e => e.Type is ['H', >= '1' and <= '6']).Select(e => e.Type[1] - '0').ToList();
        Assert.True(levels.Count >= 5, "expected the agreement's headings");
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i} jumps from H{levels[i - 1]} to H{levels[i]}");
    }

    [Fact]
    public void Every_table_has_rows_with_header_cells_that_have_a_scope()
    {
        var pdf = PdfStructure.Read(Agreement());

        var tables = pdf.Root!.Descendants().Where(e => e.Type == "Table").ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var rows = table.Children.Where(c => c.Type == "TR").ToList();
            Assert.NotEmpty(rows);
            var headers = rows.SelectMany(r => r.Children).Where(c => c.Type == "TH").ToList();
            Assert.NotEmpty(headers);
            Assert.All(headers, h => Assert.Contains(h.Scope, new[] { "Column", "Row" }));
            Assert.All(rows, r => Assert.Equal(rows[0].Children.Count, r.Children.Count));
        }
    }

    [Fact]
    public void Headings_and_paragraphs_carry_their_text_in_reading_order()
    {
        var doc = new Document { new Heading(1, "Contract award"), new Paragraph("First paragraph."), new Heading(2, "Scope"), new Paragraph("Second paragraph.") };
        doc.Metadata.Title = "Award";

        var pdf = PdfStructure.Read(PdfRenderer.Render(doc));

        var elements = pdf.Root!.Children[0].Children;
        Assert.Equal(["H1", "P", "H2", "P"], elements.Select(e => e.Type));
        Assert.Equal(["Contractaward", "Firstparagraph.", "Scope", "Secondparagraph."],
            elements.Select(e => e.Text(pdf.McidText).Replace(" ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lists_are_tagged_with_labels_and_bodies()
    {
        var doc = new Document { new Heading(1, "Steps"), ListBlock.Ordered("Read the agreement", "Sign it") };
        doc.Metadata.Title = "Steps";

        var pdf = PdfStructure.Read(PdfRenderer.Render(doc));

        var list = Assert.Single(pdf.Root!.Descendants(), e => e.Type == "L");
        Assert.Equal("Decimal", list.ListNumbering);
        Assert.Equal(2, list.Children.Count);
        Assert.All(list.Children, li => Assert.Equal(["Lbl", "LBody"], li.Children.Select(c => c.Type)));
        Assert.Equal("1.", list.Children[0].Children[0].Text(pdf.McidText));
    }

    [Fact]
    public void Links_are_tagged_with_an_annotation_and_alternative_text()
    {
        var doc = new Document { new Heading(1, "Help"), new Paragraph().Text("Read the ").Link("guidance", "https://example.org/guide").Text(" first.") };
        doc.Metadata.Title = "Help";

        var pdf = PdfStructure.Read(PdfRenderer.Render(doc));

        var p = Assert.Single(pdf.Root!.Descendants(), e => e.Type == "P");
        var link = Assert.Single(p.Children, e => e.Type == "Link");
        Assert.Equal(1, link.Annotations);
        Assert.Equal("guidance", link.Alt);
        Assert.Equal("guidance", link.Text(pdf.McidText));
    }

    [Fact]
    public void Pdf_ua_identifier_is_left_out_when_the_document_does_not_meet_it()
    {
        var untitled = new Document { new Heading(1, "A"), new Paragraph("b") };
        var skipped = new Document { new Heading(1, "A"), new Heading(3, "C") };
        skipped.Metadata.Title = "Skips a level";

        Assert.DoesNotContain("pdfuaid", PdfStructure.Read(PdfRenderer.Render(untitled)).Xmp);
        Assert.DoesNotContain("pdfuaid", PdfStructure.Read(PdfRenderer.Render(skipped)).Xmp);
    }

    [Fact]
    public void Qpdf_finds_no_error_in_the_agreement()
    {
        PdfStructure.SkipWithoutQpdf();

        var (exit, output) = PdfStructure.QpdfCheck(Agreement())!.Value;

        Assert.True(exit == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    [Fact]
    public void Accepted_agreement_is_pdf_a_2a_with_an_srgb_output_intent()
    {
        var model = IsfAgreementModel.Sample() with
        {
            Acceptances = [new Acceptance(AgreementParty.Person, "Ann Example", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), new string('a', 64))],
        };
        var bytes = PdfRenderer.Render(AgreementTemplate.RenderFinal(AgreementTemplate.Default, model), PdfRenderOptions.Archive);

        var pdf = PdfStructure.Read(bytes);

        Assert.Contains("<pdfaid:part>2</pdfaid:part>", pdf.Xmp);
        Assert.Contains("<pdfaid:conformance>A</pdfaid:conformance>", pdf.Xmp);
        Assert.Contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>", pdf.Xmp);
        Assert.True(pdf.HasOutputIntent);
        Assert.NotNull(pdf.IccProfile);
        Assert.Equal("acsp", System.Text.Encoding.ASCII.GetString(pdf.IccProfile!, 36, 4));
        Assert.Equal("RGB ", System.Text.Encoding.ASCII.GetString(pdf.IccProfile!, 16, 4));
        if (PdfStructure.QpdfCheck([]) is not null)
        {
            var (exit, output) = PdfStructure.QpdfCheck(bytes)!.Value;
            Assert.True(exit == 0, output);
        }
        PdfFiles.AssertRasterises(bytes, PdfStructure.Read(bytes).PageCounts.Count);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        Assert.Equal(Agreement(), Agreement());
    }
}
