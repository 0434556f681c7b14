using System.Collections;

namespace CommissioningPortal.Documents;

/// <summary>Page size in PDF points (1/72 inch).</summary>
public readonly record struct PageSize(float Width, float Height)
{
    public static PageSize A4 { get; } = new(595, 842);
    public static PageSize Letter { get; } = new(612, 792);
}

/// <summary>Page margins in points. The header sits in the top margin and the footer in the bottom one.</summary>
public readonly record struct Margins(float Left, float Top, float Right, float Bottom)
{
    public static Margins All(float points) => new(points, points, points, points);

    /// <summary>2 cm left and right, 2.5 cm top and bottom (room for the header and footer).</summary>
    public static Margins Default { get; } = new(56.7f, 70.9f, 56.7f, 70.9f);
}

/// <summary>Written into the PDF's document information dictionary.</summary>
public sealed class DocumentMetadata
{
    public string? Title { get; set; }
    public string? Author { get; set; }
    public string? Subject { get; set; }
    public string? Creator { get; set; }
    public DateTimeOffset? Created { get; set; }
}

/// <summary>
/// A header or footer line drawn on every page: left, centre and right text. <c>{page}</c> and
/// <c>{pages}</c> are replaced with the page number and the page count, e.g. "Page {page} of {pages}".
/// </summary>
public sealed record PageBand(string? Left = null, string? Center = null, string? Right = null)
{
    /// <summary>Draw a thin rule between the band and the body.</summary>
    public bool Rule { get; init; } = true;

    public static string Format(string? template, int page, int pages) =>
        string.IsNullOrEmpty(template) || !template.Contains('{')
            ? template ?? ""
            : template.Replace("{page}", page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                      .Replace("{pages}", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>
/// A document: page setup, header and footer, metadata and a flow of blocks. Supports collection
/// initialisers: <c>new Document { new Heading(1, "Title"), new Paragraph("Text") }</c>.
/// </summary>
public sealed class Document : IEnumerable<Block>
{
    private readonly List<Block> _blocks = [];

    public PageSize PageSize { get; set; } = PageSize.A4;
    public Margins Margins { get; set; } = Margins.Default;
    public DocumentMetadata Metadata { get; } = new();
    public PageBand? Header { get; set; }
    public PageBand? Footer { get; set; }

    /// <summary>Fonts, colours and sizes (<see cref="Theme.Default"/> unless set).</summary>
    public Theme Theme { get; set; } = Theme.Default;

    /// <summary>Body text size in points; headings and tables scale from it (the theme's <see cref="Theme.BaseSize"/>).</summary>
    public float BaseFontSize
    {
        get => Theme.BaseSize;
        set => Theme = Theme with { BaseSize = value };
    }

    /// <summary>The natural language of the text (BCP 47), written as the PDF's /Lang.</summary>
    public string Language { get; set; } = "en-GB";

    public IReadOnlyList<Block> Blocks => _blocks;

    public Document Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return this;
    }

    public Document Heading(int level, string text) => Add(new Heading(level, text));
    public Document Paragraph(string text) => Add(new Paragraph(text));
    public Document Paragraph(Paragraph paragraph) => Add(paragraph);
    public Document PageBreak() => Add(Documents.PageBreak.Instance);
    public Document Add(IComponent component) => Add(new ComponentBlock(component));

    public IEnumerator<Block> GetEnumerator() => _blocks.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
