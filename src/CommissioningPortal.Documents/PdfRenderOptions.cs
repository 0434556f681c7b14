namespace CommissioningPortal.Documents;

public sealed class PdfRenderOptions
{
    public static PdfRenderOptions Default { get; } = new();

    /// <summary>
    /// Folder holding Lato-Regular.ttf, Lato-Italic.ttf, Lato-Bold.ttf and Lato-BoldItalic.ttf.
    /// Null means <c>AppContext.BaseDirectory/fonts</c>, where the build puts them.
    /// </summary>
    public string? FontFolder { get; init; }

    /// <summary>
    /// Embed only the glyphs the document uses (default); without this every face used is embedded
    /// whole (~37 KB each, and slower).
    /// </summary>
    public bool SubsetFonts { get; init; } = true;
}
