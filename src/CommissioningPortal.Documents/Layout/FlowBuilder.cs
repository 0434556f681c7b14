using CommissioningPortal.Documents.Fonts;
using SkiaSharp;

namespace CommissioningPortal.Documents.Layout;

/// <summary>Turns the document's blocks into chunks positioned relative to the body's left edge.</summary>
internal sealed class FlowBuilder
{
    public static readonly SKColor Ink = new(0x1B, 0x1E, 0x21);
    public static readonly SKColor Muted = new(0x5F, 0x68, 0x70);
    public static readonly SKColor Border = new(0x9A, 0xA4, 0xAD);
    public static readonly SKColor HeaderFill = new(0xE8, 0xEC, 0xEF);

    private const float Leading = 1.4f;
    private const float HeadingLeading = 1.2f;
    private const float CellPadding = 4f;
    private const float ListIndent = 18f;

    private readonly FontSet _fonts;
    private readonly TextLayout _text;
    private readonly float _width;
    private readonly float _base;

    public FlowBuilder(FontSet fonts, float width, float baseSize)
    {
        _fonts = fonts;
        _text = new TextLayout(fonts);
        _width = width;
        _base = baseSize;
    }

    public List<Chunk> Build(IEnumerable<Block> blocks)
    {
        var chunks = new List<Chunk>();
        foreach (var block in blocks) Add(block, chunks);
        return chunks;
    }

    private void Add(Block block, List<Chunk> output)
    {
        switch (block)
        {
            case Paragraph p: AddParagraph(p.Spans, 0, _base * 0.6f, output); break;
            case Heading h: output.Add(HeadingChunk(h)); break;
            case ListBlock l: AddList(l, output); break;
            case Table t: AddTable(t, output); break;
            case KeepTogether k:
                var children = new List<Chunk>();
                foreach (var child in k.Blocks) Add(child, children);
                output.Add(Chunk.Group(children));
                break;
            case PageBreak: output.Add(Chunk.PageBreak); break;
            case Spacer s: output.Add(new Chunk { Height = s.Height }); break;
            case SignatureBlock s: output.Add(SignatureChunk(s)); break;
            default: throw new NotSupportedException($"Unknown block type {block.GetType().Name}.");
        }
    }

    /// <summary>One chunk per line, so a paragraph can break across pages.</summary>
    private void AddParagraph(IReadOnlyList<Span> spans, float indent, float spaceBefore, List<Chunk> output, DrawOp? marker = null)
    {
        var lineHeight = _base * Leading;
        var baseline = _text.Baseline(_base, Leading);
        var lines = _text.Wrap(spans, FontStyle.Regular, _base, _width - indent, Ink);
        for (var i = 0; i < lines.Count; i++)
        {
            var chunk = new Chunk { Height = lineHeight, SpaceBefore = i == 0 ? spaceBefore : 0 };
            if (i == 0 && marker is { } m) chunk.Ops.Add(m.Offset(0, baseline));
            foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(indent, baseline));
            output.Add(chunk);
        }
    }

    private Chunk HeadingChunk(Heading heading)
    {
        var (size, spaceBefore) = heading.Level switch
        {
            1 => (_base * 1.9f, _base * 1.6f),
            2 => (_base * 1.45f, _base * 1.3f),
            _ => (_base * 1.2f, _base * 1.0f),
        };
        var lineHeight = size * HeadingLeading;
        var baseline = _text.Baseline(size, HeadingLeading);
        var lines = _text.Wrap([new Span(heading.Text)], FontStyle.Bold, size, _width, Ink);
        var chunk = new Chunk { Height = lines.Count * lineHeight + _base * 0.2f, SpaceBefore = spaceBefore, KeepWithNext = true };
        for (var i = 0; i < lines.Count; i++)
            foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(0, i * lineHeight + baseline));
        return chunk;
    }

    private void AddList(ListBlock list, List<Chunk> output)
    {
        var face = _fonts.Get(FontStyle.Regular, _base);
        for (var i = 0; i < list.Items.Count; i++)
        {
            DrawOp marker;
            if (list.Numbered)
            {
                var label = (list.Start + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
                var w = face.Measure(label);
                marker = DrawOp.TextRun(ListIndent - 5 - w, 0, label, face, Ink);
            }
            else
            {
                marker = DrawOp.TextRun(ListIndent - 5 - face.Measure("•"), 0, "•", face, Ink);
            }
            AddParagraph(list.Items[i].Spans, ListIndent, i == 0 ? _base * 0.6f : _base * 0.25f, output, marker);
        }
    }

    private void AddTable(Table table, List<Chunk> output)
    {
        var columns = table.ColumnWidths.Count;
        var total = table.ColumnWidths.Sum();
        var xs = new float[columns + 1];
        for (var c = 0; c < columns; c++) xs[c + 1] = xs[c] + _width * table.ColumnWidths[c] / total;
        xs[columns] = _width;

        var size = _base * 0.92f;
        Chunk? header = null;
        if (table.HeaderRow is { } head)
        {
            header = RowChunk(head, xs, size, FontStyle.Bold, HeaderFill);
            header.SpaceBefore = _base * 0.8f;
            header.KeepWithNext = table.Rows.Count > 0;
            output.Add(header);
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = RowChunk(table.Rows[r], xs, size, FontStyle.Regular, null);
            row.RepeatHeader = header;
            if (r == 0 && header is null) row.SpaceBefore = _base * 0.8f;
            output.Add(row);
        }
    }

    private Chunk RowChunk(IReadOnlyList<Paragraph> cells, float[] xs, float size, FontStyle style, SKColor? fill)
    {
        var lineHeight = size * 1.3f;
        var baseline = _text.Baseline(size, 1.3f);
        var chunk = new Chunk();
        var text = new List<DrawOp>();
        var maxLines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            var inner = xs[c + 1] - xs[c] - 2 * CellPadding;
            var lines = _text.Wrap(cells[c].Spans, style, size, Math.Max(inner, 1), Ink);
            maxLines = Math.Max(maxLines, lines.Count);
            for (var i = 0; i < lines.Count; i++)
                foreach (var run in lines[i].Runs)
                    text.Add(run.Offset(xs[c] + CellPadding, CellPadding + i * lineHeight + baseline));
        }
        var height = maxLines * lineHeight + 2 * CellPadding;
        chunk.Height = height;
        if (fill is { } f) chunk.Ops.Add(DrawOp.Fill(0, 0, _width, height, f));
        chunk.Ops.AddRange(text);
        const float stroke = 0.5f;
        chunk.Ops.Add(DrawOp.Line(0, 0, _width, 0, Border, stroke));
        chunk.Ops.Add(DrawOp.Line(0, height, _width, height, Border, stroke));
        foreach (var x in xs) chunk.Ops.Add(DrawOp.Line(x, 0, x, height, Border, stroke));
        return chunk;
    }

    private Chunk SignatureChunk(SignatureBlock s)
    {
        var regular = _fonts.Get(FontStyle.Regular, _base);
        var bold = _fonts.Get(FontStyle.Bold, _base);
        var small = _fonts.Get(FontStyle.Regular, _base * 0.8f);
        const float signSpace = 34f;
        var signRight = _width * 0.55f;
        var dateLeft = _width * 0.65f;

        var chunk = new Chunk { SpaceBefore = _base * 1.4f };
        chunk.Ops.Add(DrawOp.Line(0, signSpace, signRight, signSpace, Ink, 0.75f));
        chunk.Ops.Add(DrawOp.Line(dateLeft, signSpace, _width, signSpace, Ink, 0.75f));
        if (!string.IsNullOrEmpty(s.Date))
            chunk.Ops.Add(DrawOp.TextRun(dateLeft + 2, signSpace - 4, s.Date, regular, Ink));

        var y = signSpace + small.Ascent + 2;
        chunk.Ops.Add(DrawOp.TextRun(0, y, s.SignatureLabel, small, Muted));
        chunk.Ops.Add(DrawOp.TextRun(dateLeft, y, s.DateLabel, small, Muted));

        y += small.Descent + _base * 0.6f + bold.Ascent;
        if (s.Name.Length > 0) chunk.Ops.Add(DrawOp.TextRun(0, y, s.Name, bold, Ink));
        y += _base * Leading;
        if (s.Role.Length > 0) chunk.Ops.Add(DrawOp.TextRun(0, y, s.Role, regular, Ink));
        chunk.Height = y + regular.Descent + 2;
        return chunk;
    }
}
