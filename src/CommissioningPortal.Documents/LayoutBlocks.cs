using CommissioningPortal.Documents.Pdf;

namespace CommissioningPortal.Documents;

/// <summary>
/// A PNG or JPEG picture, tagged as a Figure with <see cref="AltText"/> (or an artifact when
/// <see cref="Decorative"/>). Scaled to <see cref="Width"/> points (default: its size at 96 dpi,
/// at most the width available), keeping its proportions. Never split.
/// </summary>
public sealed class Image : Block
{
    private Image(byte[] bytes, string altText)
    {
        Source = PdfImageSource.From(bytes);
        AltText = altText ?? "";
    }

    public static Image FromBytes(byte[] bytes, string altText) => new(bytes, altText);

    public static Image FromFile(string path, string altText) => new(File.ReadAllBytes(path), altText);

    public static Image FromStream(Stream stream, string altText)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new(copy.ToArray(), altText);
    }

    /// <summary>What the picture shows, read by screen readers.</summary>
    public string AltText { get; }

    /// <summary>Decoration only (a logo beside the same name in text): drawn as an artifact, no alternative text needed.</summary>
    public bool Decorative { get; set; }

    public float? Width { get; set; }

    public TextAlign Align { get; init; } = TextAlign.Left;

    public int PixelWidth => Source.Width;
    public int PixelHeight => Source.Height;

    internal PdfImageSource Source { get; }
}

public enum ChartKind { Bar, Line, Pie }

/// <summary>One named row of values in a chart (one bar colour, one line, or a pie's slices).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A bar, line or pie chart drawn as vector graphics from its data, with axis labels and a legend,
/// tagged as a Figure with alternative text; the same data follows it as a table (tagged Table,
/// with header cells), so the numbers are available to everyone. Kept on one page.
/// </summary>
public sealed class Chart : Block
{
    private readonly List<ChartSeries> _series = [];

    public Chart(ChartKind kind, string title, params IEnumerable<string> categories)
    {
        Kind = kind;
        Title = title ?? "";
        Categories = [.. categories];
    }

    public ChartKind Kind { get; }
    public string Title { get; }
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<ChartSeries> Series => _series;

    /// <summary>What the chart shows in a sentence or two (its trend or main point); a default is written from the title otherwise.</summary>
    public string? AltText { get; init; }

    public string? CategoryAxisLabel { get; init; }
    public string? ValueAxisLabel { get; init; }

    /// <summary>Height of the drawing in points.</summary>
    public float Height { get; init; } = 190;

    /// <summary>.NET format for values in labels and the data table.</summary>
    public string ValueFormat { get; init; } = "#,##0.##";

    /// <summary>Leave out the data table (only when the same numbers are in a table next to the chart).</summary>
    public bool WithoutDataTable { get; init; }

    public Chart Add(string name, params IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count != Categories.Count)
            throw new ArgumentException($"Expected {Categories.Count} values (one per category), got {list.Count}.", nameof(values));
        if (list.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
            throw new ArgumentException("Chart values must be finite numbers.", nameof(values));
        if (Kind == ChartKind.Pie && (_series.Count > 0 || list.Any(v => v < 0)))
            throw new ArgumentException("A pie chart has one series of values that are not negative.", nameof(values));
        _series.Add(new ChartSeries(name ?? "", list));
        return this;
    }
}

/// <summary>
/// Blocks side by side in columns of relative widths (3, 1 → 75 %, 25 %) with a gap between them.
/// A row is kept on one page (use it for short content: a letterhead, an address beside a date).
/// </summary>
public sealed class Row : Block
{
    private readonly List<(float Width, Block[] Blocks)> _columns = [];

    public float Gap { get; init; } = 12;

    public IReadOnlyList<(float Width, Block[] Blocks)> Columns => _columns;

    public Row Column(float relativeWidth, params Block[] blocks)
    {
        if (!(relativeWidth > 0)) throw new ArgumentOutOfRangeException(nameof(relativeWidth), "A column's relative width must be positive.");
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Any(b => b is PageBreak)) throw new ArgumentException("A column cannot hold a page break.", nameof(blocks));
        _columns.Add((relativeWidth, blocks));
        return this;
    }
}

/// <summary>Blocks inside padding, with an optional background and border. Kept on one page.</summary>
public sealed class Box : Block
{
    public Box(params IEnumerable<Block> blocks) => Blocks = [.. blocks];

    public IReadOnlyList<Block> Blocks { get; }
    public float Padding { get; init; } = 8;
    public Color? Background { get; init; }
    public Color? Border { get; init; }
    public float BorderWidth { get; init; } = 0.75f;
}

/// <summary>
/// A contents page: every heading of level up to <see cref="MaxLevel"/> after it (unless
/// <see cref="Heading.InContents"/> is false), each linked to its page, with the page number.
/// Tagged as TOC / TOCI.
/// </summary>
public sealed class TableOfContents : Block
{
    public string Title { get; init; } = "Contents";
    public int MaxLevel { get; init; } = 2;
}

/// <summary>
/// A reusable piece of layout made of other blocks, like QuestPDF's IComponent: implement
/// <see cref="Compose"/> and add the component to a document (<see cref="Document.Add(IComponent)"/>)
/// or wrap it in a <see cref="ComponentBlock"/> anywhere a block goes. Its blocks are tagged as
/// theirs would be, so custom components stay accessible.
/// </summary>
public interface IComponent
{
    IEnumerable<Block> Compose(ComposeContext context);
}

/// <summary>What a component can know when it composes: the theme and the width available.</summary>
public sealed record ComposeContext(Theme Theme, float Width);

/// <summary>A component in the flow.</summary>
public sealed class ComponentBlock(IComponent component) : Block
{
    public IComponent Component { get; } = component ?? throw new ArgumentNullException(nameof(component));
}
