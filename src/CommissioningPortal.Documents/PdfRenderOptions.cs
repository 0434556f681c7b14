namespace CommissioningPortal.Documents;

public sealed class PdfRenderOptions
{
    public static PdfRenderOptions Default { get; } = new();

    /// <summary>
    /// Folder holding Lato-Regular.ttf, Lato-Italic.ttf, Lato-Bold.ttf and Lato-BoldItalic.ttf.
    /// Null means <c>AppContext.BaseDirectory/fonts</c>, where the build puts them.
    /// </summary>
    public string? FontFolder { get; init; }
}
