using System.Globalization;
using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Layouts;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>
/// The quarterly market position statement: every insight section as a tagged PDF (document engine), each chart
/// (a Figure with its text alternative) followed by its whole table (a tagged Table with its caption), the option
/// definitions and the notes. The figures are the commissioner's own (not suppressed): it is for the authority to publish.
/// </summary>
public sealed class MarketStatement(InsightQueries queries)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The quarter a day falls in, in words: "October to December 2026".</summary>
    public static string Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return $"{first.ToString("MMMM", Uk)} to {first.AddMonths(2).ToString("MMMM yyyy", Uk)}";
    }

    public async Task<(byte[] Pdf, string FileName)> RenderAsync(Authority authority, CancellationToken ct)
    {
        var today = queries.Today;
        var report = new Report($"Market position statement: {authority.Name}")
        {
            Subtitle = $"{Quarter(today)}. Self-directed support: the market, unmet demand, options, prices and frameworks, from the Commissioning Portal's records.",
            Organisation = authority.Name,
            Date = today,
        };
        foreach (var slug in InsightQueries.Slugs)
        {
            var section = await queries.SectionAsync(slug, authority, ct);
            var blocks = new List<Block> { new Paragraph(section.Intro) };
            if (section.Quote is not null) blocks.Add(new Paragraph().Italic($"“{section.Quote}”").Text($" ({section.QuoteSource})"));
            foreach (var table in section.Tables)
            {
                blocks.Add(new Heading(2, table.Title));
                blocks.Add(new Paragraph(table.Description));
                if (table.ChartData() is { } data)
                {
                    var chart = new Chart(table.Chart!.Kind == SvgChartKind.Line ? ChartKind.Line : ChartKind.Bar, $"Chart: {data.Title}", data.Categories)
                    {
                        AltText = data.Summary,
                        CategoryAxisLabel = data.CategoryAxisLabel,
                        ValueAxisLabel = data.ValueAxisLabel,
                        WithoutDataTable = true, // the whole table follows
                    };
                    foreach (var s in data.Series) chart.Add(s.Name, s.Values.Select(v => (double)v));
                    blocks.Add(chart);
                }
                if (table.Rows.Count == 0)
                {
                    blocks.Add(new Paragraph($"{table.Title}: nothing recorded yet."));
                    continue;
                }
                var pdfTable = new Table([.. table.Columns.Select(c => c.Kind == Measure.Label ? 3f : 2f)]) { Caption = table.Title, RowHeaders = true }
                    .Header([.. table.Columns.Select(c => new Paragraph(c.Name))]);
                for (var r = 0; r < table.Rows.Count; r++)
                    pdfTable.Row([.. Enumerable.Range(0, table.Columns.Count).Select(c => new Paragraph(table.Text(r, c)))]);
                blocks.Add(pdfTable);
            }
            foreach (var note in section.Notes) blocks.Add(new Paragraph(note));
            report.Section(section.Title, blocks);
        }
        var pdf = PdfRenderer.Render(report.ToDocument());
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return (pdf, $"{authority.Code}-market-position-{first:yyyy}-q{(first.Month + 2) / 3}.pdf");
    }
}
