using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdList = Markdig.Syntax.ListBlock;
using MdTable = Markdig.Extensions.Tables.Table;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Maps merged Markdown onto the document model: # to ### headings (deeper ones become ###),
/// paragraphs with bold and italic, bulleted and numbered lists, pipe tables (column widths from
/// the dashes of the separator row, header repeated on each page), <c>---</c> or
/// <c>&lt;!-- page-break --&gt;</c> as a page break, and a paragraph that is just
/// <c>[signatures]</c> as the signature blocks. Other raw HTML is ignored.
/// </summary>
internal static class MarkdownMapper
{
    public const string SignaturesMarker = "[signatures]";

    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { InferColumnWidthsFromSeparator = true })
        .Build();

    /// <param name="signatures">Makes the signature blocks for a <c>[signatures]</c> line. The heading
    /// and short text just before it (back to the last heading) are kept together with them, so the
    /// signatures never start a page on their own.</param>
    public static void Map(string markdown, Document document, Func<KeepTogether> signatures)
    {
        var parsed = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<Block>();
        foreach (var block in parsed) Add(block, blocks, signatures);
        foreach (var block in blocks) document.Add(block);
    }

    private static void AddSignatures(List<Block> blocks, Func<KeepTogether> signatures)
    {
        var group = signatures();
        var heading = blocks.FindLastIndex(b => b is Heading);
        var lead = heading < 0 ? [] : blocks.GetRange(heading, blocks.Count - heading);
        if (lead.Count is > 0 and <= 4 && lead.All(b => b is Heading or Paragraph))
        {
            blocks.RemoveRange(heading, lead.Count);
            var together = new KeepTogether(lead);
            foreach (var b in group.Blocks) together.Add(b);
            group = together;
        }
        blocks.Add(group);
    }

    private static void Add(Markdig.Syntax.Block block, List<Block> document, Func<KeepTogether> signatures)
    {
        switch (block)
        {
            case HeadingBlock h:
                document.Add(new Heading(Math.Clamp(h.Level, 1, 3), PlainText(h.Inline).Trim()));
                break;
            case ParagraphBlock p:
                var paragraph = ToParagraph(p.Inline);
                if (string.Concat(paragraph.Spans.Select(s => s.Text)).Trim() == SignaturesMarker) AddSignatures(document, signatures);
                else if (paragraph.Spans.Count > 0) document.Add(paragraph);
                break;
            case MdList list:
                document.Add(ToList(list));
                break;
            case MdTable table:
                document.Add(ToTable(table));
                break;
            case ThematicBreakBlock:
                document.Add(PageBreak.Instance);
                break;
            case HtmlBlock html:
                if (html.Lines.ToString().Contains("page-break", StringComparison.OrdinalIgnoreCase)) document.Add(PageBreak.Instance);
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Add(child, document, signatures);
                break;
            case LeafBlock { Lines.Count: > 0 } code: // indented or fenced code: printed as it is
                document.Add(new Paragraph(code.Lines.ToString()));
                break;
            case ContainerBlock container:
                foreach (var child in container) Add(child, document, signatures);
                break;
        }
    }

    private static Documents.ListBlock ToList(MdList list)
    {
        var result = new Documents.ListBlock(list.IsOrdered)
        {
            Start = list.IsOrdered && int.TryParse(list.OrderedStart, out var start) ? start : 1,
        };
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var paragraph = new Paragraph();
            AppendItem(item, paragraph, depth: 0);
            result.Add(paragraph);
        }
        return result;
    }

    /// <summary>A list item's paragraphs on separate lines; a nested list as indented "–" lines.</summary>
    private static void AppendItem(ContainerBlock item, Paragraph paragraph, int depth)
    {
        foreach (var child in item)
        {
            switch (child)
            {
                case ParagraphBlock p:
                    if (paragraph.Spans.Count > 0) paragraph.LineBreak();
                    foreach (var span in ToParagraph(p.Inline).Spans) paragraph.Add(span);
                    break;
                case MdList nested:
                    foreach (var sub in nested.OfType<ListItemBlock>())
                    {
                        paragraph.LineBreak().Text(new string(' ', 2 * depth) + "– ");
                        var inner = new Paragraph();
                        AppendItem(sub, inner, depth + 1);
                        foreach (var span in inner.Spans) paragraph.Add(span);
                    }
                    break;
            }
        }
    }

    private static Documents.Table ToTable(MdTable table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var columns = Math.Max(table.ColumnDefinitions.Count, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var widths = new float[columns];
        for (var c = 0; c < columns; c++)
            widths[c] = c < table.ColumnDefinitions.Count && table.ColumnDefinitions[c].Width > 0 ? table.ColumnDefinitions[c].Width : 0;
        if (widths.Any(w => w <= 0))
        {
            // No widths from the separator row: share by the longest text in each column.
            for (var c = 0; c < columns; c++)
                widths[c] = Math.Clamp(rows.Max(r => c < r.Count ? PlainText(((TableCell)r[c]).Descendants<ParagraphBlock>().FirstOrDefault()?.Inline).Length : 0), 4, 40);
        }

        var result = new Documents.Table(widths);
        foreach (var row in rows)
        {
            var cells = new Paragraph[columns];
            for (var c = 0; c < columns; c++)
            {
                var cell = new Paragraph();
                if (c < row.Count)
                    foreach (var p in ((TableCell)row[c]).OfType<ParagraphBlock>())
                    {
                        if (cell.Spans.Count > 0) cell.LineBreak();
                        foreach (var span in ToParagraph(p.Inline).Spans) cell.Add(span);
                    }
                cells[c] = cell;
            }
            if (row.IsHeader && result.HeaderRow is null && result.Rows.Count == 0) result.Header(cells);
            else result.Row(cells);
        }
        return result;
    }

    private static Paragraph ToParagraph(ContainerInline? inlines)
    {
        var spans = new List<Span>();
        Collect(inlines, FontStyle.Regular, spans);
        // Merge neighbours in the same style and drop a trailing break.
        var merged = new Paragraph();
        var sb = new StringBuilder();
        FontStyle? style = null;
        foreach (var span in spans)
        {
            if (style is { } s && s != span.Style)
            {
                merged.Add(new Span(sb.ToString(), s));
                sb.Clear();
            }
            style = span.Style;
            sb.Append(span.Text);
        }
        if (style is { } last && sb.Length > 0) merged.Add(new Span(sb.ToString().TrimEnd('\n'), last));
        return merged;
    }

    private static void Collect(Inline? inline, FontStyle style, List<Span> spans)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                spans.Add(new Span(literal.Content.ToString(), style));
                return;
            case EmphasisInline emphasis:
                var inner = style | (emphasis.DelimiterCount >= 2 ? FontStyle.Bold : FontStyle.Italic);
                if (emphasis.DelimiterCount >= 3) inner = FontStyle.BoldItalic;
                foreach (var child in emphasis) Collect(child, inner, spans);
                return;
            case LineBreakInline lineBreak:
                spans.Add(new Span(lineBreak.IsHard ? "\n" : " ", style));
                return;
            case CodeInline code:
                spans.Add(new Span(code.Content, style));
                return;
            case AutolinkInline auto:
                spans.Add(new Span(auto.Url, style));
                return;
            case HtmlEntityInline entity:
                spans.Add(new Span(entity.Transcoded.ToString(), style));
                return;
            case HtmlInline:
                return;
            case LinkInline link:
                var before = spans.Count;
                foreach (var child in link) Collect(child, style, spans);
                var text = string.Concat(spans.Skip(before).Select(s => s.Text));
                if (!string.IsNullOrEmpty(link.Url) && !link.IsImage && text != link.Url && !link.Url.StartsWith('#'))
                    spans.Add(new Span($" ({link.Url})", style));
                return;
            case ContainerInline container:
                foreach (var child in container) Collect(child, style, spans);
                return;
        }
    }

    private static string PlainText(ContainerInline? inlines)
    {
        if (inlines is null) return "";
        var spans = new List<Span>();
        Collect(inlines, FontStyle.Regular, spans);
        return string.Concat(spans.Select(s => s.Text)).Replace('\n', ' ');
    }
}
