using BenchmarkDotNet.Attributes;
using CommissioningPortal.Documents;

namespace CommissioningPortal.Benchmarks.Documents;

/// <summary>
/// Issue 18: a 100-page tagged document (headings, paragraphs, lists, tables with repeated headers,
/// a running header and "Page X of Y") laid out and written by our engine; target under 25 ms.
/// And a report with charts (vector bar, line and pie charts each followed by their data table).
/// </summary>
[MemoryDiagnoser]
public class LongDocumentBenchmarks
{
    private const string Text =
        "The service will be delivered across three localities with a single point of contact for referrals. " +
        "Providers must evidence outcomes quarterly and take part in the annual review, and any variation to " +
        "the specification needs the written agreement of the commissioning lead before it takes effect.";

    private Document _hundred = null!;
    private Document _charts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hundred = Hundred();
        _charts = Charts();
        var hundred = PdfRenderer.Render(_hundred);
        var charts = PdfRenderer.Render(_charts);
        Console.WriteLine($"// 100-page document: {hundred.Length:N0} bytes, {Pages(hundred)} pages; charts report: {charts.Length:N0} bytes, {Pages(charts)} pages");
    }

    [Benchmark(Description = "100-page tagged document: layout + PDF")]
    public byte[] HundredPages() => PdfRenderer.Render(_hundred);

    [Benchmark(Description = "6-page report, 6 charts + data tables: layout + PDF")]
    public byte[] ChartsReport() => PdfRenderer.Render(_charts);

    internal static Document Hundred()
    {
        var doc = new Document
        {
            Header = new PageBand(Left: "Commissioning Portal", Right: "Market position statement"),
            Footer = new PageBand(Left: "OFFICIAL", Right: "Page {page} of {pages}"),
        };
        doc.Metadata.Title = "Market position statement";
        doc.Heading(1, "Market position statement");
        for (var s = 1; s <= 66; s++)
        {
            doc.Heading(2, $"Section {s}");
            for (var p = 0; p < 7; p++) doc.Add(new Paragraph().Text(Text + " ").Bold("Outcome " + p).Text(". " + Text));
            doc.Add(ListBlock.Bulleted("Referrals within five working days", "Quarterly outcome returns", "Annual review with the person"));
            var table = new Table(3, 1, 1).Header("Provider", "Hours", "Spend");
            for (var r = 0; r < 12; r++) table.Row($"Provider {r + 1}", $"{100 + r}", $"£{1000 + 17 * r:N0}");
            doc.Add(table);
        }
        return doc;
    }

    internal static Document Charts()
    {
        var doc = new Document { Footer = new PageBand(Right: "Page {page} of {pages}") };
        doc.Metadata.Title = "Partnership report";
        doc.Heading(1, "Partnership report");
        string[] quarters = ["Q1", "Q2", "Q3", "Q4"];
        var kinds = new[] { ChartKind.Bar, ChartKind.Line, ChartKind.Pie };
        for (var c = 0; c < 6; c++)
        {
            doc.Heading(2, $"Measure {c + 1}");
            for (var p = 0; p < 4; p++) doc.Paragraph(Text);
            var chart = new Chart(kinds[c % 3], $"People supported, measure {c + 1}", quarters).Add("Locality A", 120 + c, 135, 150, 170);
            if (kinds[c % 3] != ChartKind.Pie) chart.Add("Locality B", 80, 95, 90, 110 + c);
            doc.Add(chart);
        }
        return doc;
    }

    private static int Pages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])");
}
