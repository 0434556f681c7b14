using System.Globalization;
using CommissioningPortal.Documents.Fonts;

namespace CommissioningPortal.Documents.Layout;

/// <summary>
/// Turns the document's blocks into chunks positioned relative to the body's left edge, and builds
/// the structure tree beside them: every text run and picture is drawn tagged with its element
/// (P, H1–H3, Lbl/LBody, TH/TD, Figure, Link…); rules, fills and cell borders are artifacts.
/// </summary>
internal sealed class FlowBuilder
{
    private const float HeadingLeading = 1.2f;
    private const float CellPadding = 4f;
    private const float ListIndent = 18f;

    private readonly Theme _theme;
    private readonly FontSet _fonts;
    private readonly FontSet _headingFonts;
    private readonly TextLayout _text = new();
    private readonly float _width;
    private readonly float _base;
    private readonly float _leading;
    private readonly LayoutState _state;
    private StructNode _parent;

    public FlowBuilder(Theme theme, FontSet fonts, float width, StructNode parent, LayoutState state)
    {
        _theme = theme;
        _fonts = theme.BodyFont?.Set ?? fonts;
        _headingFonts = theme.HeadingFont?.Set ?? _fonts;
        _width = width;
        _base = theme.BaseSize;
        _leading = theme.LineHeight;
        _parent = parent;
        _state = state;
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
            case Paragraph p: AddParagraph(p, new StructNode("P", _parent), 0, _base * 0.6f, output); break;
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
            case Image i: output.Add(ImageChunk(i)); break;
            case Chart c: AddChart(c, output); break;
            case Row r: output.Add(RowChunk(r)); break;
            case Box b: output.Add(BoxChunk(b)); break;
            case TableOfContents t: AddContents(t, output); break;
            case ComponentBlock c:
                foreach (var child in c.Component.Compose(new ComposeContext(_theme, _width)) ?? [])
                    Add(child, output);
                break;
            default: throw new NotSupportedException($"Unknown block type {block.GetType().Name}.");
        }
    }

    private RunStyle BodyStyle(TextStyle? style, FontStyle extra = FontStyle.Regular)
    {
        var s = style is null ? _theme.Body : style.Over(_theme.Body);
        return new RunStyle(s.Family?.Set ?? _fonts, s.FontStyle | extra, s.Size ?? _base, s.Color ?? _theme.Text);
    }

    /// <summary>One chunk per line, so a paragraph can break across pages.</summary>
    private void AddParagraph(Paragraph paragraph, StructNode node, float indent, float spaceBefore, List<Chunk> output, List<DrawOp>? marker = null)
    {
        var style = BodyStyle(paragraph.Style);
        var leading = paragraph.Style?.LineHeight ?? _leading;
        var lineHeight = style.Size * leading;
        var baseline = TextLayout.Baseline(style.Fonts, style.Size, leading);
        var available = _width - indent;
        var lines = _text.Wrap(paragraph.Spans, style, available, _theme.Link);
        var links = new LinkNodes(node);
        for (var i = 0; i < lines.Count; i++)
        {
            var chunk = new Chunk { Height = lineHeight, SpaceBefore = i == 0 ? spaceBefore : 0 };
            if (i == 0 && marker is not null)
                foreach (var m in marker) chunk.Ops.Add(m.Offset(0, baseline));
            var shift = paragraph.Align switch
            {
                TextAlign.Center => (available - lines[i].Width) / 2,
                TextAlign.Right => available - lines[i].Width,
                _ => 0,
            };
            foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(indent + shift, baseline).WithTag(links.For(run)));
            output.Add(chunk);
        }
    }

    /// <summary>One Link element per run of linked text (a link wrapped over two lines keeps one element).</summary>
    private sealed class LinkNodes(StructNode parent)
    {
        private StructNode? _node;
        private string? _target;

        public StructNode For(DrawOp run)
        {
            if (run.Link is null)
            {
                _target = null;
                return parent;
            }
            if (_node is null || !ReferenceEquals(_target, run.Link))
            {
                _node = new StructNode("Link", parent, attachOnFirstContent: true);
                _target = run.Link;
            }
            _node.Alt = _node.Alt is null ? run.Text!.Trim() : _node.Alt + " " + run.Text!.Trim();
            return _node;
        }
    }

    private Chunk HeadingChunk(Heading heading)
    {
        var scale = _theme.HeadingScale;
        var size = _base * scale[Math.Min(heading.Level, scale.Count) - 1];
        var spaceBefore = heading.Level switch { 1 => _base * 1.6f, 2 => _base * 1.3f, _ => _base * 1.0f };
        var node = new StructNode("H" + heading.Level.ToString(CultureInfo.InvariantCulture), _parent);
        _state.Heading(heading.Level);
        var lineHeight = size * HeadingLeading;
        var baseline = TextLayout.Baseline(_headingFonts, size, HeadingLeading);
        var lines = _text.Wrap([new Span(heading.Text)], new RunStyle(_headingFonts, FontStyle.Bold, size, _theme.Heading), _width, _theme.Link);
        var chunk = new Chunk { Height = lines.Count * lineHeight + _base * 0.2f, SpaceBefore = spaceBefore, KeepWithNext = true };
        for (var i = 0; i < lines.Count; i++)
            foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(0, i * lineHeight + baseline).WithTag(node));
        var id = heading.Id ?? "h" + _state.Headings.Count.ToString(CultureInfo.InvariantCulture);
        chunk.Anchor = id;
        _state.Headings.Add(new HeadingEntry(heading.Level, heading.Text, id, heading.InContents));
        return chunk;
    }

    private void AddList(ListBlock list, List<Chunk> output)
    {
        var style = BodyStyle(null);
        var face = style.Fonts.Get(FontStyle.Regular, style.Size);
        var l = new StructNode("L", _parent) { ListNumbering = list.Numbered ? "Decimal" : "Disc" };
        for (var i = 0; i < list.Items.Count; i++)
        {
            var li = new StructNode("LI", l);
            var lbl = new StructNode("Lbl", li);
            var body = new StructNode("LBody", li);
            var label = list.Numbered ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + "." : "•";
            var marker = DrawOp.TextRun(ListIndent - 5 - face.Measure(label), 0, label, face, style.Color, lbl);
            AddParagraph(list.Items[i], body, ListIndent, i == 0 ? _base * 0.6f : _base * 0.25f, output, [marker]);
        }
    }

    private void AddTable(Table table, List<Chunk> output)
    {
        var columns = table.ColumnWidths.Count;
        var total = table.ColumnWidths.Sum();
        var xs = new float[columns + 1];
        for (var c = 0; c < columns; c++) xs[c + 1] = xs[c] + _width * table.ColumnWidths[c] / total;
        xs[columns] = _width;

        var node = new StructNode("Table", _parent);
        var size = _base * 0.92f;
        var first = true;
        if (table.Caption is { Length: > 0 } caption)
        {
            var captionNode = new StructNode("Caption", node);
            var capStyle = BodyStyle(null, FontStyle.Bold);
            var lines = _text.Wrap([new Span(caption)], capStyle, _width, _theme.Link);
            var lineHeight = _base * _leading;
            var baseline = TextLayout.Baseline(capStyle.Fonts, capStyle.Size, _leading);
            var chunk = new Chunk { Height = lines.Count * lineHeight, SpaceBefore = _base * 0.8f, KeepWithNext = true };
            for (var i = 0; i < lines.Count; i++)
                foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(0, i * lineHeight + baseline).WithTag(captionNode));
            output.Add(chunk);
            first = false;
        }
        Chunk? header = null;
        if (table.HeaderRow is { } head)
        {
            header = TableRowChunk(head, xs, size, FontStyle.Bold, _theme.TableHeaderBackground, new StructNode("TR", node), "TH", rowHeaders: false);
            header.SpaceBefore = first ? _base * 0.8f : 2;
            header.KeepWithNext = table.Rows.Count > 0;
            output.Add(header);
            first = false;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = TableRowChunk(table.Rows[r], xs, size, FontStyle.Regular, null, new StructNode("TR", node), "TD", table.RowHeaders);
            row.RepeatHeader = header;
            if (r == 0 && first) row.SpaceBefore = _base * 0.8f;
            output.Add(row);
        }
    }

    private Chunk TableRowChunk(IReadOnlyList<Paragraph> cells, float[] xs, float size, FontStyle style, Color? fill, StructNode tr, string cellType, bool rowHeaders)
    {
        var lineHeight = size * 1.3f;
        var baseline = TextLayout.Baseline(_fonts, size, 1.3f);
        var chunk = new Chunk();
        var text = new List<DrawOp>();
        var maxLines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            var isRowHeader = rowHeaders && c == 0;
            var cell = new StructNode(isRowHeader ? "TH" : cellType, tr) { KeepEmpty = true, Scope = cellType == "TH" ? "Column" : isRowHeader ? "Row" : null };
            var inner = xs[c + 1] - xs[c] - 2 * CellPadding;
            var cellStyle = BodyStyle(cells[c].Style, style | (isRowHeader ? FontStyle.Bold : 0)) with { Size = cells[c].Style?.Size ?? size };
            var lines = _text.Wrap(cells[c].Spans, cellStyle, Math.Max(inner, 1), _theme.Link);
            maxLines = Math.Max(maxLines, lines.Count);
            var links = new LinkNodes(cell);
            for (var i = 0; i < lines.Count; i++)
            {
                var shift = cells[c].Align switch
                {
                    TextAlign.Right => inner - lines[i].Width,
                    TextAlign.Center => (inner - lines[i].Width) / 2,
                    _ => 0,
                };
                foreach (var run in lines[i].Runs)
                    text.Add(run.Offset(xs[c] + CellPadding + shift, CellPadding + i * lineHeight + baseline).WithTag(links.For(run)));
            }
        }
        var height = maxLines * lineHeight + 2 * CellPadding;
        chunk.Height = height;
        if (fill is { } f) chunk.Ops.Add(DrawOp.Fill(0, 0, _width, height, f));
        chunk.Ops.AddRange(text);
        const float stroke = 0.5f;
        chunk.Ops.Add(DrawOp.Line(0, 0, _width, 0, _theme.Rule, stroke));
        chunk.Ops.Add(DrawOp.Line(0, height, _width, height, _theme.Rule, stroke));
        foreach (var x in xs) chunk.Ops.Add(DrawOp.Line(x, 0, x, height, _theme.Rule, stroke));
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
        var ink = _theme.Text;
        var muted = _theme.Muted;

        var chunk = new Chunk { SpaceBefore = _base * 1.4f };
        chunk.Ops.Add(DrawOp.Line(0, signSpace, signRight, signSpace, ink, 0.75f));
        chunk.Ops.Add(DrawOp.Line(dateLeft, signSpace, _width, signSpace, ink, 0.75f));

        // Read in order: signature label, what was signed, name, role, date label, date.
        var signature = new StructNode("P", _parent);
        var signed = string.IsNullOrEmpty(s.Signed) ? null : new StructNode("P", _parent);
        var name = new StructNode("P", _parent);
        var role = new StructNode("P", _parent);
        var dateLabel = new StructNode("P", _parent);
        var date = new StructNode("P", _parent);
        if (signed is not null)
            chunk.Ops.Add(DrawOp.TextRun(2, signSpace - 4, s.Signed!, _fonts.Get(FontStyle.Italic, _base), ink, signed));
        if (!string.IsNullOrEmpty(s.Date))
            chunk.Ops.Add(DrawOp.TextRun(dateLeft + 2, signSpace - 4, s.Date, regular, ink, date));

        var y = signSpace + small.Ascent + 2;
        chunk.Ops.Add(DrawOp.TextRun(0, y, s.SignatureLabel, small, muted, signature));
        chunk.Ops.Add(DrawOp.TextRun(dateLeft, y, s.DateLabel, small, muted, dateLabel));

        y += small.Descent + _base * 0.6f + bold.Ascent;
        if (s.Name.Length > 0) chunk.Ops.Add(DrawOp.TextRun(0, y, s.Name, bold, ink, name));
        y += _base * _leading;
        if (s.Role.Length > 0) chunk.Ops.Add(DrawOp.TextRun(0, y, s.Role, regular, ink, role));
        chunk.Height = y + regular.Descent + 2;
        return chunk;
    }

    private Chunk ImageChunk(Image image)
    {
        var width = Math.Min(image.Width ?? image.PixelWidth * 0.75f, _width);
        var height = width * image.PixelHeight / image.PixelWidth;
        StructNode? node = null;
        if (!image.Decorative)
        {
            node = new StructNode("Figure", _parent) { Alt = image.AltText };
            if (image.AltText.Trim().Length == 0) _state.MissingAlt = true;
        }
        var x = image.Align switch { TextAlign.Center => (_width - width) / 2, TextAlign.Right => _width - width, _ => 0 };
        var chunk = new Chunk { Height = height, SpaceBefore = _base * 0.6f };
        chunk.Ops.Add(DrawOp.Picture(x, 0, width, height, image.Source, node));
        return chunk;
    }

    private void AddChart(Chart chart, List<Chunk> output)
    {
        var parts = new List<Chunk>();
        var figure = new StructNode("Figure", _parent)
        {
            Alt = chart.AltText is { Length: > 0 } alt ? alt : $"{chart.Kind} chart: {chart.Title}." + (chart.WithoutDataTable ? "" : " The data is in the table that follows."),
        };
        var titleStyle = BodyStyle(null, FontStyle.Bold);
        var titleLines = _text.Wrap([new Span(chart.Title)], titleStyle, _width, _theme.Link);
        var drawing = new Chunk { SpaceBefore = _base * 0.8f, KeepWithNext = true };
        float y = 0;
        var lineHeight = _base * _leading;
        foreach (var line in titleLines)
        {
            foreach (var run in line.Runs) drawing.Ops.Add(run.Offset(0, y + TextLayout.Baseline(_fonts, _base, _leading)).WithTag(figure));
            y += lineHeight;
        }
        var painter = new ChartPainter(_theme, _fonts, _base, figure);
        painter.Paint(chart, drawing.Ops, 0, y + 4, _width, chart.Height);
        drawing.Height = y + 4 + chart.Height;
        parts.Add(drawing);
        if (!chart.WithoutDataTable)
        {
            var table = new Table([2f, .. Enumerable.Repeat(1f, Math.Max(chart.Series.Count, 1))])
            {
                RowHeaders = true,
                Caption = $"Data for the chart “{chart.Title}”",
            };
            table.Header([new Paragraph(chart.CategoryAxisLabel ?? "Category"), .. chart.Series.Select(s => Right(s.Name.Length > 0 ? s.Name : chart.ValueAxisLabel ?? "Value"))]);
            for (var c = 0; c < chart.Categories.Count; c++)
                table.Row([new Paragraph(chart.Categories[c]), .. chart.Series.Select(s => Right(s.Values[c].ToString(chart.ValueFormat, CultureInfo.GetCultureInfo("en-GB"))))]);
            AddTable(table, parts);
        }
        // The drawing stays with the start of its table; a long table may continue on the next page.
        output.AddRange(parts);

        static Paragraph Right(string text) => new(text) { Align = TextAlign.Right };
    }

    /// <summary>Lays blocks out in a narrower flow and stacks them into one chunk (a row's column, a box's inside).</summary>
    private Chunk Stack(IEnumerable<Block> blocks, float width, out float height)
    {
        var inner = new FlowBuilder(_theme with { BodyFont = null }, _fonts, width, _parent, _state);
        var chunks = inner.Build(blocks);
        var stacked = new Chunk();
        float y = 0;
        var first = true;
        void Place(Chunk chunk)
        {
            if (chunk.IsPageBreak) return;
            if (chunk.Children is { } children)
            {
                foreach (var c in children) Place(c);
                return;
            }
            if (!first) y += chunk.SpaceBefore;
            first = false;
            foreach (var op in chunk.Ops) stacked.Ops.Add(op.Offset(0, y));
            if (chunk.Anchor is not null) stacked.Anchor ??= chunk.Anchor;
            y += chunk.Height;
        }
        foreach (var chunk in chunks) Place(chunk);
        height = y;
        stacked.Height = y;
        return stacked;
    }

    private Chunk RowChunk(Row row)
    {
        var chunk = new Chunk { SpaceBefore = _base * 0.6f };
        var total = row.Columns.Sum(c => c.Width);
        var free = _width - row.Gap * Math.Max(row.Columns.Count - 1, 0);
        float x = 0, height = 0;
        foreach (var (relative, blocks) in row.Columns)
        {
            var w = free * relative / total;
            var column = Stack(blocks, w, out var h);
            foreach (var op in column.Ops) chunk.Ops.Add(op.Offset(x, 0));
            height = Math.Max(height, h);
            x += w + row.Gap;
        }
        chunk.Height = height;
        return chunk;
    }

    private Chunk BoxChunk(Box box)
    {
        var inside = Stack(box.Blocks, Math.Max(_width - 2 * box.Padding, 1), out var h);
        var height = h + 2 * box.Padding;
        var chunk = new Chunk { SpaceBefore = _base * 0.6f, Height = height };
        if (box.Background is { } bg) chunk.Ops.Add(DrawOp.Fill(0, 0, _width, height, bg));
        foreach (var op in inside.Ops) chunk.Ops.Add(op.Offset(box.Padding, box.Padding));
        if (box.Border is { } border)
        {
            var w = box.BorderWidth;
            chunk.Ops.Add(DrawOp.Path([0, 0, _width, 0, _width, height, 0, height, 0, 0], border, w));
        }
        return chunk;
    }

    /// <summary>
    /// The contents: one line per heading, linked to it; page numbers are filled in after pagination
    /// (<see cref="LayoutState.PendingContents"/>), so the entries are laid out now with a fixed height.
    /// </summary>
    private void AddContents(TableOfContents contents, List<Chunk> output)
    {
        var heading = new Heading(1, contents.Title) { InContents = false };
        output.Add(HeadingChunk(heading));
        var toc = new StructNode("TOC", _parent);
        _state.PendingContents.Add(new ContentsRequest(contents.MaxLevel, toc, output, output.Count, _state.Headings.Count, this));
    }

    /// <summary>Called once every heading is known: the entries for the headings after the contents.</summary>
    public List<Chunk> ContentsEntries(int maxLevel, StructNode toc, int firstHeading)
    {
        var chunks = new List<Chunk>();
        var style = BodyStyle(null);
        var lineHeight = _base * _leading;
        var baseline = TextLayout.Baseline(style.Fonts, style.Size, _leading);
        for (var h = firstHeading; h < _state.Headings.Count; h++)
        {
            var entry = _state.Headings[h];
            if (!entry.InContents || entry.Level > maxLevel) continue;
            var toci = new StructNode("TOCI", toc);
            var reference = new StructNode("Reference", toci);
            var indent = (entry.Level - 1) * 14f;
            var face = style.Fonts.Get(entry.Level == 1 ? FontStyle.Bold : FontStyle.Regular, style.Size);
            var lines = _text.Wrap([new Span(entry.Text, face.Style) { Link = "#" + entry.Id }], style with { Color = _theme.Text }, _width - indent - 40, _theme.Text);
            var chunk = new Chunk { Height = lines.Count * lineHeight, SpaceBefore = entry.Level == 1 ? _base * 0.4f : 0 };
            var links = new LinkNodes(reference);
            for (var i = 0; i < lines.Count; i++)
                foreach (var run in lines[i].Runs) chunk.Ops.Add(run.Offset(indent, i * lineHeight + baseline).WithTag(links.For(run)));
            // The page number, right-aligned; its text is set once the heading's page is known.
            chunk.Ops.Add(DrawOp.PageNumberOf(_width, (lines.Count - 1) * lineHeight + baseline, entry.Id, face, _theme.Text, links.For(DrawOp.TextRun(0, 0, "", face, _theme.Text, link: "#" + entry.Id))));
            chunks.Add(chunk);
        }
        return chunks;
    }
}

internal sealed record HeadingEntry(int Level, string Text, string Id, bool InContents);

internal sealed record ContentsRequest(int MaxLevel, StructNode Toc, List<Chunk> Output, int Index, int FirstHeading, FlowBuilder Builder);

/// <summary>What the layout of one document collects on the way: headings (for the contents and PDF/UA's checks), figures without text.</summary>
internal sealed class LayoutState
{
    public List<HeadingEntry> Headings { get; } = [];
    public List<ContentsRequest> PendingContents { get; } = [];
    public bool MissingAlt { get; set; }

    /// <summary>Headings start at H1 and never skip a level going down (PDF/UA-1, Matterhorn 14-002 and 14-003).</summary>
    public bool HeadingsInOrder { get; private set; } = true;

    private int _last;

    public void Heading(int level)
    {
        if (_last == 0 ? level != 1 : level > _last + 1) HeadingsInOrder = false;
        _last = level;
    }
}
