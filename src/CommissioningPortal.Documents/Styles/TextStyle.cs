namespace CommissioningPortal.Documents;

/// <summary>
/// How text looks. Every property is optional: what is not set comes from the style it is laid
/// over (a span's style over its block's, a block's over the theme's), see <see cref="Over"/>.
/// </summary>
public sealed record TextStyle
{
    /// <summary>A family registered in the document's <see cref="Theme"/>; null means the theme's body family.</summary>
    public FontFamily? Family { get; init; }

    /// <summary>Size in points.</summary>
    public float? Size { get; init; }

    public bool? Bold { get; init; }
    public bool? Italic { get; init; }
    public Color? Color { get; init; }

    /// <summary>Line height as a multiple of the size (1.4 = 140 %).</summary>
    public float? LineHeight { get; init; }

    public static TextStyle Empty { get; } = new();

    /// <summary>This style with every unset property taken from <paramref name="under"/>.</summary>
    public TextStyle Over(TextStyle? under) => under is null ? this : new TextStyle
    {
        Family = Family ?? under.Family,
        Size = Size ?? under.Size,
        Bold = Bold ?? under.Bold,
        Italic = Italic ?? under.Italic,
        Color = Color ?? under.Color,
        LineHeight = LineHeight ?? under.LineHeight,
    };

    internal FontStyle FontStyle => (Bold == true ? Documents.FontStyle.Bold : 0) | (Italic == true ? Documents.FontStyle.Italic : 0);
}
