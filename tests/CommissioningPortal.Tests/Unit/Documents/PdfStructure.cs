using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>One element of a PDF's structure tree as read back: its type, attributes and kids.</summary>
public sealed record StructElement(string Type, string? Alt, string? Scope, string? ListNumbering, List<StructElement> Children, List<(int Page, int Mcid)> Content, int Annotations)
{
    public IEnumerable<StructElement> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    /// <summary>The page text of this element and its descendants, in order.</summary>
    public string Text(IReadOnlyDictionary<(int Page, int Mcid), string> texts) =>
        string.Concat(Content.Select(c => texts.GetValueOrDefault(c, ""))) + string.Concat(Children.Select(c => c.Text(texts)));
}

/// <summary>
/// Reads the tagging of a PDF back with PdfPig: the catalog's entries, the XMP packet, the structure
/// tree (resolving each element's kids: elements, MCIDs, marked-content and object references) and
/// each page's marked content (which letters are in which MCID, which in artifacts).
/// </summary>
public sealed class PdfStructure
{
    public required DictionaryToken Catalog { get; init; }
    public string? Lang { get; init; }
    public bool Marked { get; init; }
    public bool DisplayDocTitle { get; init; }
    public string Xmp { get; init; } = "";
    public StructElement? Root { get; init; }
    public bool HasOutputIntent { get; init; }
    public byte[]? IccProfile { get; init; }

    /// <summary>Per page (1-based): letters outside any marked content; letters in artifacts; text per MCID.</summary>
    public List<(int Page, int Untagged, int Artifact, int Tagged)> PageCounts { get; } = [];

    public Dictionary<(int Page, int Mcid), string> McidText { get; } = [];

    /// <summary>Every artifact's text per page (1-based).</summary>
    public Dictionary<int, string> ArtifactText { get; } = [];

    public static PdfStructure Read(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;
        DictionaryToken? Dict(IToken? token) => Resolve(token) switch { DictionaryToken d => d, StreamToken s => s.StreamDictionary, _ => null };
        string? Name(DictionaryToken d, string key) => d.TryGet(NameToken.Create(key), out var t) && Resolve(t) is NameToken n ? n.Data : null;
        string? Str(DictionaryToken d, string key) => d.TryGet(NameToken.Create(key), out var t) && Resolve(t) is StringToken s ? s.Data : null;

        // Page object numbers → page numbers, for /Pg.
        var pageNumbers = new Dictionary<long, int>();
        var kidsOfPages = Dict(catalog.Data["Pages"])!;
        var pageIndex = 1;
        void WalkPages(DictionaryToken node)
        {
            foreach (var kid in ((ArrayToken)Resolve(node.Data["Kids"])!).Data)
            {
                var d = Dict(kid)!;
                if (Name(d, "Type") == "Pages") WalkPages(d);
                else pageNumbers[((IndirectReferenceToken)kid).Data.ObjectNumber] = pageIndex++;
            }
        }
        WalkPages(kidsOfPages);

        StructElement? root = null;
        if (catalog.TryGet(NameToken.Create("StructTreeRoot"), out var rootToken) && Dict(rootToken) is { } treeRoot)
        {
            var children = new List<StructElement>();
            foreach (var k in Kids(treeRoot)) if (Element(k, null) is { } e) children.Add(e);
            root = new StructElement("StructTreeRoot", null, null, null, children, [], 0);
        }

        IEnumerable<IToken> Kids(DictionaryToken d)
        {
            if (!d.TryGet(NameToken.Create("K"), out var k)) yield break;
            var resolved = Resolve(k);
            if (resolved is ArrayToken a) foreach (var item in a.Data) yield return item;
            else yield return k;
        }

        StructElement? Element(IToken token, int? inheritedPage)
        {
            var d = Dict(token);
            if (d is null) return null;
            var type = Name(d, "S") ?? "?";
            int? page = inheritedPage;
            if (d.TryGet(NameToken.Create("Pg"), out var pg) && pg is IndirectReferenceToken pr) page = pageNumbers[pr.Data.ObjectNumber];
            string? scope = null, numbering = null;
            if (d.TryGet(NameToken.Create("A"), out var at) && Dict(at) is { } attrs)
            {
                scope = Name(attrs, "Scope");
                numbering = Name(attrs, "ListNumbering");
            }
            var element = new StructElement(type, Str(d, "Alt"), scope, numbering, [], [], 0);
            var annotations = 0;
            foreach (var kid in Kids(d))
            {
                switch (Resolve(kid))
                {
                    case NumericToken n:
                        element.Content.Add((page ?? throw new InvalidDataException($"{type}: MCID without a page"), n.Int));
                        break;
                    case DictionaryToken kd when Name(kd, "Type") == "MCR":
                        var mp = pageNumbers[((IndirectReferenceToken)kd.Data["Pg"]).Data.ObjectNumber];
                        element.Content.Add((mp, ((NumericToken)Resolve(kd.Data["MCID"])!).Int));
                        break;
                    case DictionaryToken kd when Name(kd, "Type") == "OBJR":
                        annotations++;
                        break;
                    default:
                        if (Element(kid, page) is { } child) element.Children.Add(child);
                        break;
                }
            }
            return element with { Annotations = annotations };
        }

        var xmp = "";
        if (catalog.TryGet(NameToken.Create("Metadata"), out var meta) && Resolve(meta) is StreamToken ms)
            xmp = Encoding.UTF8.GetString(ms.Data.Span);

        byte[]? icc = null;
        var intent = false;
        if (catalog.TryGet(NameToken.Create("OutputIntents"), out var oi) && Resolve(oi) is ArrayToken intents && intents.Data.Count > 0)
        {
            intent = true;
            var first = Dict(intents.Data[0])!;
            if (first.TryGet(NameToken.Create("DestOutputProfile"), out var prof) && Resolve(prof) is StreamToken ps)
                {
                using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(ps.Data.ToArray()), System.IO.Compression.CompressionMode.Decompress);
                using var raw = new MemoryStream();
                inflate.CopyTo(raw);
                icc = raw.ToArray();
            }
        }

        var result = new PdfStructure
        {
            Catalog = catalog,
            Lang = Str(catalog, "Lang"),
            Marked = catalog.TryGet(NameToken.Create("MarkInfo"), out var mi) && Dict(mi) is { } markInfo
                && markInfo.TryGet(NameToken.Create("Marked"), out var m) && Resolve(m) is BooleanToken { Data: true },
            DisplayDocTitle = catalog.TryGet(NameToken.Create("ViewerPreferences"), out var vp) && Dict(vp) is { } prefs
                && prefs.TryGet(NameToken.Create("DisplayDocTitle"), out var dt) && Resolve(dt) is BooleanToken { Data: true },
            Xmp = xmp,
            Root = root,
            HasOutputIntent = intent,
            IccProfile = icc,
        };

        for (var p = 1; p <= pdf.NumberOfPages; p++)
        {
            var page = pdf.GetPage(p);
            int artifact = 0, tagged = 0;
            var artifactText = new StringBuilder();
            void Walk(MarkedContentElement e, bool inArtifact, int mcid)
            {
                var isArtifact = inArtifact || e.IsArtifact;
                var id = e.MarkedContentIdentifier >= 0 ? e.MarkedContentIdentifier : mcid;
                var letters = string.Concat(e.Letters.Select(l => l.Value));
                if (isArtifact)
                {
                    artifact += e.Letters.Count;
                    artifactText.Append(letters).Append(' ');
                }
                else if (id >= 0)
                {
                    tagged += e.Letters.Count;
                    result.McidText[(p, id)] = result.McidText.GetValueOrDefault((p, id), "") + letters;
                }
                foreach (var child in e.Children) Walk(child, isArtifact, id);
            }
            foreach (var element in page.GetMarkedContents()) Walk(element, false, -1);
            result.PageCounts.Add((p, page.Letters.Count - artifact - tagged, artifact, tagged));
            result.ArtifactText[p] = artifactText.ToString();
        }
        return result;
    }

    /// <summary>Runs <c>qpdf --check</c>; returns its output, or null when qpdf is not installed.</summary>
    public static (int ExitCode, string Output)? QpdfCheck(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, bytes);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("qpdf", ["--check", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static void SkipWithoutQpdf()
    {
        if (QpdfCheck([]) is null) Assert.Skip("qpdf is not installed (./test.sh installs Debian's qpdf).");
    }
}
