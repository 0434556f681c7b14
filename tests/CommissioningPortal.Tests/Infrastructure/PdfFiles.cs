using System.Diagnostics;
using UglyToad.PdfPig;
using Xunit;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>Reading PDFs back in tests: each page's words (PdfPig), and Poppler's <c>pdftoppm</c> drawing every page.</summary>
public static class PdfFiles
{
    /// <summary>Each page's words joined by single spaces, in reading order.</summary>
    public static List<string> Pages(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>Asserts that <c>pdftoppm</c> draws every page without an error or a warning.</summary>
    public static void AssertRasterises(byte[] bytes, int pages)
    {
        var dir = Directory.CreateTempSubdirectory("portal-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "document.pdf");
            File.WriteAllBytes(file, bytes);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "20", "-png", file, Path.Combine(dir.FullName, "page")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftoppm exited {process.ExitCode}: {stderr}");
            Assert.Equal("", stderr.Trim());
            Assert.Equal(pages, dir.GetFiles("page*.png").Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
