using System.Collections;

namespace CommissioningPortal.Documents;

[Flags]
public enum FontStyle
{
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = Bold | Italic,
}

/// <summary>
/// A run of text in one style. A '\n' in <see cref="Text"/> is a hard line break. <see cref="Link"/>
/// makes it a link: a URL (https:, mailto:) or "#id" for a <see cref="Heading.Id"/> in the document.
/// <see cref="TextStyle"/> overrides the block's style (font family, size, colour…).
/// </summary>
public sealed record Span(string Text, FontStyle Style = FontStyle.Regular)
{
    public string? Link { get; init; }
    public TextStyle? TextStyle { get; init; }
}

/// <summary>Something laid out in the document's flow.</summary>
public abstract class Block
{
    private protected Block() { }
}

/// <summary>A heading, level 1 to 3. Never left alone at the bottom of a page.</summary>
public sealed class Heading : Block
{
    public Heading(int level, string text, string? id = null)
    {
        Id = id;
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Level = level;
        Text = text ?? "";
    }

    public int Level { get; }
    public string Text { get; }

    /// <summary>An anchor for links ("#id") and the contents page; null: not linkable.</summary>
    public string? Id { get; init; }

    /// <summary>Listed in a <see cref="TableOfContents"/> (levels 1 and 2 by default).</summary>
    public bool InContents { get; init; } = true;
}

/// <summary>
/// Styled spans, word-wrapped to the available width; a paragraph can break across pages between
/// lines. Build it fluently: <c>new Paragraph().Text("a ").Bold("b").LineBreak().Italic("c")</c>.
/// </summary>
public sealed class Paragraph : Block, IEnumerable<Span>
{
    private readonly List<Span> _spans = [];

    public Paragraph() { }

    public Paragraph(string text) => Text(text);

    public Paragraph(params IEnumerable<Span> spans) => _spans.AddRange(spans);

    public IReadOnlyList<Span> Spans => _spans;

    public Paragraph Add(Span span)
    {
        ArgumentNullException.ThrowIfNull(span);
        _spans.Add(span);
        return this;
    }

    public Paragraph Text(string text, FontStyle style = FontStyle.Regular) => Add(new Span(text ?? "", style));
    public Paragraph Bold(string text) => Text(text, FontStyle.Bold);
    public Paragraph Italic(string text) => Text(text, FontStyle.Italic);
    public Paragraph BoldItalic(string text) => Text(text, FontStyle.BoldItalic);
    public Paragraph LineBreak() => Text("\n");

    /// <summary>A link: <paramref name="target"/> is a URL or "#id" of a heading.</summary>
    public Paragraph Link(string text, string target) => Add(new Span(text ?? "") { Link = target });

    /// <summary>The paragraph's text style over the theme's body style (e.g. a larger size, a colour).</summary>
    public TextStyle? Style { get; init; }

    /// <summary>Horizontal alignment of the lines.</summary>
    public TextAlign Align { get; init; } = TextAlign.Left;

    public static implicit operator Paragraph(string text) => new(text);

    public IEnumerator<Span> GetEnumerator() => _spans.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A bulleted (•) or numbered (1., 2., …) list of paragraphs.</summary>
public sealed class ListBlock : Block, IEnumerable<Paragraph>
{
    private readonly List<Paragraph> _items = [];

    public ListBlock(bool numbered = false, params IEnumerable<Paragraph> items)
    {
        Numbered = numbered;
        _items.AddRange(items);
    }

    public static ListBlock Bulleted(params IEnumerable<Paragraph> items) => new(false, items);
    public static ListBlock Ordered(params IEnumerable<Paragraph> items) => new(true, items);

    public bool Numbered { get; }

    /// <summary>The number of the first item of a numbered list.</summary>
    public int Start { get; init; } = 1;

    public IReadOnlyList<Paragraph> Items => _items;

    public ListBlock Add(Paragraph item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
        return this;
    }

    public IEnumerator<Paragraph> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A table with relative column widths (e.g. 3, 1, 1 → 60 %, 20 %, 20 %). Rows are never split
/// across pages; the header row is repeated at the top of each page the table continues on.
/// (A single row taller than a whole page is not split either: it runs past the bottom margin.)
/// </summary>
public sealed class Table : Block
{
    private readonly List<IReadOnlyList<Paragraph>> _rows = [];

    public Table(params float[] columnWidths)
    {
        ArgumentNullException.ThrowIfNull(columnWidths);
        if (columnWidths.Length == 0 || columnWidths.Any(w => !(w > 0)))
            throw new ArgumentException("A table needs at least one column and every relative width must be positive.", nameof(columnWidths));
        ColumnWidths = columnWidths;
    }

    public IReadOnlyList<float> ColumnWidths { get; }
    public IReadOnlyList<Paragraph>? HeaderRow { get; private set; }

    /// <summary>The first cell of each row is a row header (TH with row scope), e.g. a category.</summary>
    public bool RowHeaders { get; init; }

    /// <summary>A caption read before the table (and shown above it).</summary>
    public string? Caption { get; init; }
    public IReadOnlyList<IReadOnlyList<Paragraph>> Rows => _rows;

    public Table Header(params Paragraph[] cells)
    {
        HeaderRow = Check(cells);
        return this;
    }

    public Table Row(params Paragraph[] cells)
    {
        _rows.Add(Check(cells));
        return this;
    }

    private Paragraph[] Check(Paragraph[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != ColumnWidths.Count)
            throw new ArgumentException($"Expected {ColumnWidths.Count} cells, got {cells.Length}.", nameof(cells));
        return cells;
    }
}

/// <summary>Blocks kept on one page: moved to the next page as a whole when they do not fit (unless taller than a page).</summary>
public sealed class KeepTogether : Block, IEnumerable<Block>
{
    private readonly List<Block> _blocks = [];

    public KeepTogether(params IEnumerable<Block> blocks)
    {
        foreach (var block in blocks) Add(block);
    }

    public IReadOnlyList<Block> Blocks => _blocks;

    public KeepTogether Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block is PageBreak) throw new ArgumentException("A page break cannot be kept together with anything.", nameof(block));
        _blocks.Add(block);
        return this;
    }

    public IEnumerator<Block> GetEnumerator() => _blocks.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Starts a new page.</summary>
public sealed class PageBreak : Block
{
    public static PageBreak Instance { get; } = new();
    private PageBreak() { }
}

/// <summary>Vertical space in points.</summary>
public sealed class Spacer(float height) : Block
{
    public float Height { get; } = height;
}

/// <summary>
/// A sign-off block: a line to sign on and a date line, with the signatory's name and role
/// underneath. When <see cref="Date"/> is set it is printed above the date line. Never split.
/// </summary>
public sealed class SignatureBlock(string name, string role) : Block
{
    public string Name { get; } = name ?? "";
    public string Role { get; } = role ?? "";
    public string? Date { get; init; }

    /// <summary>What stands on the signature line once the party has accepted, e.g. "Accepted in the portal"; null leaves it blank to sign.</summary>
    public string? Signed { get; init; }
    public string SignatureLabel { get; init; } = "Signature";
    public string DateLabel { get; init; } = "Date";
}

public enum TextAlign { Left, Center, Right }
