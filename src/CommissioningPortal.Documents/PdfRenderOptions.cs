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

    /// <summary>
    /// Write PDF/A-2a for archiving (accepted agreements): the sRGB output intent (its ICC profile
    /// comes from npm at build time) and the pdfaid identifier in the XMP metadata. Fonts are
    /// always embedded and the structure always tagged, so nothing else changes.
    /// </summary>
    public bool Archival { get; init; }

    public static PdfRenderOptions Archive { get; } = new() { Archival = true };
}
