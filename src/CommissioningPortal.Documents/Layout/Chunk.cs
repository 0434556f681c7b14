using CommissioningPortal.Documents.Fonts;
using SkiaSharp;

namespace CommissioningPortal.Documents.Layout;

internal enum OpKind : byte { Text, Line, Fill }

/// <summary>One drawing instruction, positioned relative to the top-left of its chunk.</summary>
internal readonly struct DrawOp
{
    private DrawOp(OpKind kind, float x, float y, float x2, float y2, string? text, FontFace? face, SKColor color, float stroke)
    {
        Kind = kind; X = x; Y = y; X2 = x2; Y2 = y2; Text = text; Face = face; Color = color; Stroke = stroke;
    }

    public OpKind Kind { get; }
    public float X { get; }

    /// <summary>Baseline for text; top edge for lines and fills.</summary>
    public float Y { get; }

    public float X2 { get; }
    public float Y2 { get; }
    public string? Text { get; }
    public FontFace? Face { get; }
    public SKColor Color { get; }
    public float Stroke { get; }

    public static DrawOp TextRun(float x, float baseline, string text, FontFace face, SKColor color) =>
        new(OpKind.Text, x, baseline, 0, 0, text, face, color, 0);

    public static DrawOp Line(float x1, float y1, float x2, float y2, SKColor color, float stroke) =>
        new(OpKind.Line, x1, y1, x2, y2, null, null, color, stroke);

    public static DrawOp Fill(float x, float y, float width, float height, SKColor color) =>
        new(OpKind.Fill, x, y, x + width, y + height, null, null, color, 0);

    public DrawOp Offset(float dx, float dy) => new(Kind, X + dx, Y + dy, X2 + dx, Y2 + dy, Text, Face, Color, Stroke);
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
