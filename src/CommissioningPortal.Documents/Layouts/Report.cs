using System.Globalization;

namespace CommissioningPortal.Documents.Layouts;

/// <summary>A section of a report: a level-1 heading and its blocks (subheadings, text, charts, tables).</summary>
public sealed record ReportSection(string Title, IReadOnlyList<Block> Blocks);

/// <summary>
/// A report (evaluation, partnership, market pack): a cover, a contents page with page numbers and
/// links, then its sections, with the title and organisation in the running header and page numbers
/// in the footer. <see cref="ToDocument"/> gives an ordinary, tagged <see cref="Document"/>.
/// </summary>
public sealed class Report(string title)
{
    private readonly List<ReportSection> _sections = [];

    public string Title { get; } = title ?? "";
    public string? Subtitle { get; init; }
    public string? Organisation { get; init; }
    public string? Author { get; init; }
    public DateOnly? Date { get; init; }
    public Image? Logo { get; init; }
    public bool Contents { get; init; } = true;
    public Theme Theme { get; init; } = Theme.Default;
    public IReadOnlyList<ReportSection> Sections => _sections;

    public Report Section(string title, params IEnumerable<Block> blocks)
    {
        _sections.Add(new ReportSection(title, [.. blocks]));
        return this;
    }

    public Document ToDocument()
    {
        var theme = Theme;
        var doc = new Document
        {
            Theme = theme,
            Header = new PageBand(Left: Title, Right: Organisation),
            Footer = new PageBand(Right: "Page {page} of {pages}"),
        };
        doc.Metadata.Title = Title;
        doc.Metadata.Author = Author ?? Organisation;
        doc.Metadata.Subject = Subtitle;
        doc.Metadata.Creator = "Commissioning Portal";

        // Cover.
        doc.Add(new Spacer(120));
        if (Logo is { } logo) doc.Add(logo);
        doc.Add(new Heading(1, Title) { InContents = false });
        if (Subtitle is { Length: > 0 })
            doc.Add(new Paragraph(Subtitle) { Style = new TextStyle { Size = theme.BaseSize * 1.4f, Color = theme.Muted } });
        var byline = new Paragraph { Style = new TextStyle { Color = theme.Muted } };
        if (Organisation is { Length: > 0 }) byline.Text(Organisation);
        if (Author is { Length: > 0 }) byline.LineBreak().Text(Author);
        if (Date is { } date) byline.LineBreak().Text(date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        if (byline.Spans.Count > 0) doc.Add(new Spacer(24)).Add(byline);

        if (Contents) doc.PageBreak().Add(new TableOfContents());
        foreach (var section in _sections)
        {
            doc.PageBreak();
            doc.Add(new Heading(1, section.Title));
            foreach (var block in section.Blocks) doc.Add(block);
        }
        return doc;
    }
}
