namespace CommissioningPortal.Documents;

/// <summary>
/// A document's look: fonts, colours and sizes that the blocks use unless they say otherwise.
/// <see cref="Default"/> is the portal's (Lato, dark grey text, grey rules, a blue accent); an
/// authority's letters can use their own by copying it with <c>with</c>.
/// </summary>
public sealed record Theme
{
    public static Theme Default { get; } = new();

    /// <summary>Body text; null means Lato from the build output (or <see cref="PdfRenderOptions.FontFolder"/>).</summary>
    public FontFamily? BodyFont { get; init; }

    /// <summary>Headings; null means the body font.</summary>
    public FontFamily? HeadingFont { get; init; }

    public Color Text { get; init; } = new(0x1B, 0x1E, 0x21);
    public Color Muted { get; init; } = new(0x5F, 0x68, 0x70);
    public Color Rule { get; init; } = new(0x9A, 0xA4, 0xAD);
    public Color TableHeaderBackground { get; init; } = new(0xE8, 0xEC, 0xEF);
    public Color Heading { get; init; } = new(0x1B, 0x1E, 0x21);
    public Color Accent { get; init; } = new(0x1D, 0x4E, 0x89);
    public Color Link { get; init; } = new(0x1D, 0x4E, 0x89);

    /// <summary>Series colours for charts, in order (all distinguishable in greyscale too, darkest first).</summary>
    public IReadOnlyList<Color> ChartPalette { get; init; } =
        [new(0x1D, 0x4E, 0x89), new(0xD9, 0x7A, 0x1E), new(0x2E, 0x8B, 0x57), new(0x8E, 0x44, 0xAD), new(0xB0, 0x3A, 0x2E), new(0x7F, 0x8C, 0x8D)];

    /// <summary>Body text size in points; headings and tables scale from it.</summary>
    public float BaseSize { get; init; } = 10.5f;

    /// <summary>Body line height as a multiple of the size.</summary>
    public float LineHeight { get; init; } = 1.4f;

    /// <summary>Heading sizes as multiples of <see cref="BaseSize"/> (levels 1, 2, 3).</summary>
    public IReadOnlyList<float> HeadingScale { get; init; } = [1.9f, 1.45f, 1.2f];

    /// <summary>The body text style the blocks start from.</summary>
    public TextStyle Body => new() { Family = BodyFont, Size = BaseSize, Color = Text, LineHeight = LineHeight, Bold = false, Italic = false };
}
