using CommissioningPortal.Documents.Fonts;
using CommissioningPortal.Documents.Pdf;

namespace CommissioningPortal.Documents.Layout;

internal enum OpKind : byte { Text, Line, Fill, Path, Image }

/// <summary>
/// One drawing instruction, positioned relative to the top-left of its chunk. <see cref="Tag"/> is
/// the structure element the content belongs to; null makes it an artifact (rules, backgrounds,
/// decoration), which assistive technology skips.
/// </summary>
internal readonly struct DrawOp
{
    private DrawOp(OpKind kind, float x, float y, float x2, float y2, string? text, FontFace? face, Color color, float stroke,
        StructNode? tag, string? link = null, float[]? points = null, PdfImageSource? image = null)
    {
        Kind = kind; X = x; Y = y; X2 = x2; Y2 = y2; Text = text; Face = face; Color = color; Stroke = stroke; Tag = tag;
        Link = link; Points = points; Image = image;
    }

    public OpKind Kind { get; }
    public float X { get; }

    /// <summary>Baseline for text; top edge for lines, fills and images.</summary>
    public float Y { get; }

    public float X2 { get; }
    public float Y2 { get; }
    public string? Text { get; }
    public FontFace? Face { get; }
    public Color Color { get; }

    /// <summary>Line width; for a path, 0 means filled.</summary>
    public float Stroke { get; }

    public StructNode? Tag { get; }

    /// <summary>For text: the link target (a URL, or "#id" for an anchor in the document).</summary>
    public string? Link { get; }

    /// <summary>For a path: x, y pairs relative to the chunk; a closed polygon when filled.</summary>
    public float[]? Points { get; }

    public PdfImageSource? Image { get; }

    public static DrawOp TextRun(float x, float baseline, string text, FontFace face, Color color, StructNode? tag = null, string? link = null) =>
        new(OpKind.Text, x, baseline, 0, 0, text, face, color, 0, tag, link);

    /// <summary>Marks text replaced after pagination by the page number of <paramref name="anchor"/>, right-aligned at <paramref name="right"/>.</summary>
    public const char PageNumberMark = '\u0001';

    public static DrawOp PageNumberOf(float right, float baseline, string anchor, FontFace face, Color color, StructNode? tag) =>
        new(OpKind.Text, right, baseline, right, 0, PageNumberMark + anchor, face, color, 0, tag, "#" + anchor);

    /// <summary>The page number text in place of the mark, ending at the right edge (X2).</summary>
    public DrawOp WithPageNumber(string number)
    {
        var width = Face!.Measure(number);
        return new(Kind, X2 - width, Y, X2, Y2, number, Face, Color, Stroke, Tag, Link, Points, Image);
    }

    public static DrawOp Line(float x1, float y1, float x2, float y2, Color color, float stroke, StructNode? tag = null) =>
        new(OpKind.Line, x1, y1, x2, y2, null, null, color, stroke, tag);

    public static DrawOp Fill(float x, float y, float width, float height, Color color, StructNode? tag = null) =>
        new(OpKind.Fill, x, y, x + width, y + height, null, null, color, 0, tag);

    /// <summary>A polyline (stroke &gt; 0) or a filled polygon (stroke 0).</summary>
    public static DrawOp Path(float[] points, Color color, float stroke, StructNode? tag = null) =>
        new(OpKind.Path, 0, 0, 0, 0, null, null, color, stroke, tag, points: points);

    public static DrawOp Picture(float x, float y, float width, float height, PdfImageSource image, StructNode? tag) =>
        new(OpKind.Image, x, y, x + width, y + height, null, null, default, 0, tag, image: image);

    public DrawOp Offset(float dx, float dy)
    {
        var points = Points;
        if (points is not null && (dx != 0 || dy != 0))
        {
            points = (float[])points.Clone();
            for (var i = 0; i < points.Length; i += 2) { points[i] += dx; points[i + 1] += dy; }
        }
        return new(Kind, X + dx, Y + dy, X2 + dx, Y2 + dy, Text, Face, Color, Stroke, Tag, Link, points, Image);
    }

    public DrawOp WithTag(StructNode? tag) => new(Kind, X, Y, X2, Y2, Text, Face, Color, Stroke, tag, Link, Points, Image);

    /// <summary>Text in another colour (links).</summary>
    public DrawOp WithColor(Color color) => new(Kind, X, Y, X2, Y2, Text, Face, color, Stroke, Tag, Link, Points, Image);
}

/// <summary>
/// An unbreakable slice of the flow (a line of a paragraph, a table row, a heading, a signature
/// block) or a keep-together group of them. Pagination only ever breaks between chunks.
/// </summary>
internal sealed class Chunk
{
    public static readonly Chunk PageBreak = new() { IsPageBreak = true };

    public float Height { get; set; }

    /// <summary>Gap above the chunk; dropped at the top of a page.</summary>
    public float SpaceBefore { get; set; }

    /// <summary>Do not leave this chunk at the bottom of a page without the one after it.</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>Placed again at the top of a page when this chunk is moved there (a table's header row).</summary>
    public Chunk? RepeatHeader { get; set; }

    public bool IsPageBreak { get; private init; }

    /// <summary>A heading's id: links and the contents find its page and position through it.</summary>
    public string? Anchor { get; set; }

    /// <summary>Non-null for a keep-together group: its children, placed on one page when they fit on one.</summary>
    public List<Chunk>? Children { get; private init; }

    public List<DrawOp> Ops { get; } = [];

    public static Chunk Group(List<Chunk> children)
    {
        var group = new Chunk { Children = children };
        if (children.Count == 0) return group;
        group.SpaceBefore = children[0].SpaceBefore;
        float height = 0;
        for (var i = 0; i < children.Count; i++)
            height += (i == 0 ? 0 : children[i].SpaceBefore) + children[i].Height;
        group.Height = height;
        group.KeepWithNext = children[^1].KeepWithNext;
        return group;
    }
}
