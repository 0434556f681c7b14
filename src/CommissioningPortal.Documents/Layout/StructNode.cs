namespace CommissioningPortal.Documents.Layout;

/// <summary>
/// One element of the PDF's logical structure (ISO 32000-1 §14.7, standard types only): Document,
/// H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure, Link, Caption, TOC/TOCI. The layout builds the
/// tree as it lays out blocks; the writer adds the marked-content references (page, MCID) and link
/// annotations as it draws, in drawing order, which is the reading order.
/// </summary>
internal sealed class StructNode
{
    public StructNode(string type, StructNode? parent, bool attachOnFirstContent = false)
    {
        Type = type;
        Parent = parent;
        if (parent is not null && !attachOnFirstContent) parent.Kids.Add(new StructKid(this));
        Attached = parent is null || !attachOnFirstContent;
    }

    public string Type { get; }
    public StructNode? Parent { get; }
    public List<StructKid> Kids { get; } = [];

    /// <summary>Alternative text (Figure, Formula; Link too).</summary>
    public string? Alt { get; set; }

    /// <summary>The replacement text a screen reader reads instead of the content (e.g. a list label "•").</summary>
    public string? ActualText { get; set; }

    /// <summary>For TH: Column or Row.</summary>
    public string? Scope { get; set; }

    /// <summary>For L: Disc, Decimal, None.</summary>
    public string? ListNumbering { get; set; }

    /// <summary>For Figure: the bounding box on its first page, in PDF coordinates (left, bottom, right, top).</summary>
    public float[]? BBox { get; set; }

    /// <summary>Inline elements (links) join their parent when their first content is drawn, so they sit between its text in order.</summary>
    public bool Attached { get; private set; }

    /// <summary>Kept in the tree even without content (table cells, so rows stay regular).</summary>
    public bool KeepEmpty { get; init; }

    /// <summary>Set by the writer.</summary>
    public int ObjectNumber { get; set; }

    public int HeadingLevel => Type.Length == 2 && Type[0] == 'H' && char.IsAsciiDigit(Type[1]) ? Type[1] - '0' : 0;

    public void EnsureAttached()
    {
        if (Attached) return;
        Parent!.EnsureAttached();
        Parent.Kids.Add(new StructKid(this));
        Attached = true;
    }

    public bool HasContent()
    {
        if (KeepEmpty) return true;
        foreach (var kid in Kids)
            if (kid.Node is null || kid.Node.HasContent()) return true;
        return false;
    }
}

/// <summary>A child of a structure element: another element, marked content on a page, or an annotation.</summary>
internal readonly record struct StructKid(StructNode? Node, int Page = -1, int Mcid = -1, int Annotation = 0);
