using System.Collections.Concurrent;
using System.Globalization;
using DotLiquid;
using DotLiquid.Exceptions;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Individual Service Fund agreement templates: Markdown with Liquid merge fields
/// (<c>{{ person.name }}</c>, <c>{{ budget.weekly | money }}</c>, <c>{% for o in outcomes %}</c>,
/// <c>{% if representative %}</c>), merged with an <see cref="IsfAgreementModel"/> and laid out as a
/// <see cref="Document"/> for <see cref="PdfRenderer.Render(Document, PdfRenderOptions?)"/>.
/// </summary>
public static class AgreementTemplate
{
    public const string DefaultResourceName = "CommissioningPortal.Documents.Templates.isf-agreement.default.md";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    // Parsed templates, pooled per source text. DotLiquid's MakeThreadSafe() would let one instance be
    // shared, but a thread-safe template ignores per-render filters (our `date` would lose to the
    // standard one), so each render rents an instance of its own instead.
    private static readonly ConcurrentDictionary<string, ConcurrentBag<Template>> Parsed = new(StringComparer.Ordinal);
    private static readonly Lazy<string> DefaultSource = new(ReadDefault);

    /// <summary>The default template (CCPS Option 2 principles; page one is an easy-read summary).</summary>
    public static string Default => DefaultSource.Value;

    /// <summary>Every merge-field path a template may use.</summary>
    public static IReadOnlySet<string> FieldPaths => IsfAgreementModel.FieldPaths;

    /// <summary>
    /// Checks a template before it is saved: Liquid syntax (each problem with its line), blocks left
    /// open, unknown tags and filters, and every merge field against <see cref="FieldPaths"/> (loop
    /// variables inside their for-block and assigned names are allowed). Then it is merged with the
    /// sample agreement to be sure it renders. Empty when the template is good.
    /// </summary>
    public static IReadOnlyList<TemplateError> Validate(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = TemplateValidator.Validate(MergeSchema.For<IsfAgreementModel>(), source);
        if (errors.Count > 0) return errors;
        try
        {
            _ = Render(source, IsfAgreementModel.Sample());
        }
        catch (Exception e) when (e is LiquidException or System.ArgumentException or InvalidOperationException or FormatException or InvalidCastException)
        {
            errors.Add(new TemplateError(1, "the template could not be merged with the sample agreement: " + e.Message));
        }
        return errors;
    }

    /// <summary>Merges the template with the model and returns the Markdown (what an HTML preview would show).</summary>
    public static string Merge(string source, IsfAgreementModel model)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        var template = Rent(source);
        try
        {
            return template.Render(new RenderParameters(Uk)
            {
                LocalVariables = MergeSchema.For<IsfAgreementModel>().ToHash(model),
                Filters = [typeof(AgreementFilters)],
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
            });
        }
        finally
        {
            Return(source, template);
        }
    }

    /// <summary>
    /// The agreement as a document: merged, then Markdown mapped to headings, paragraphs, lists,
    /// tables, page breaks and (at <c>[signatures]</c>) a signature block per party kept together;
    /// the agreement reference in the header and "Page X of Y" in the footer. Acceptances in the
    /// model are ignored, so the bytes each party accepts are the same.
    /// </summary>
    /// <exception cref="AgreementTemplateException">The template is not valid (see <see cref="Validate"/>).</exception>
    public static Document Render(string source, IsfAgreementModel model) => Build(source, model, final: false);

    /// <summary>
    /// The final agreement: <see cref="Render"/> plus a last page, "Acceptance record", with a row
    /// per acceptance (party, name, date and time, SHA-256 of the PDF they accepted), and the
    /// acceptance dates printed on the signature lines.
    /// </summary>
    public static Document RenderFinal(string source, IsfAgreementModel model) => Build(source, model, final: true);

    private static Document Build(string source, IsfAgreementModel model, bool final)
    {
        var markdown = Merge(source, model);
        var document = new Document
        {
            Header = new PageBand(Left: $"Individual Service Fund agreement · {model.AgreementReference} · version {model.Version}", Right: model.Person.Name),
            Footer = new PageBand(Left: final ? "Accepted agreement" : null, Right: "Page {page} of {pages}"),
            BaseFontSize = 11f, // a little larger than the engine's default: easier to read
        };
        document.Metadata.Title = $"Individual Service Fund agreement for {model.Person.Name}";
        document.Metadata.Author = model.Authority.Name;
        document.Metadata.Subject = $"Three-way agreement between {model.Person.Name}, {model.Provider.Name} and {model.Authority.Name} ({model.AgreementReference}, version {model.Version})";
        document.Metadata.Creator = "Commissioning Portal";
        document.Metadata.Created = model.CreatedAt;

        MarkdownMapper.Map(markdown, document, () => Signatures(model, final));
        if (final) AppendAcceptanceRecord(document, model);
        return document;
    }

    /// <summary>One signature block per party: the person (or their representative), the provider and the authority.</summary>
    private static KeepTogether Signatures(IsfAgreementModel model, bool final)
    {
        string? DateOf(params AgreementParty[] parties) => final
            ? model.Acceptances.Where(a => parties.Contains(a.Party)).Select(a => AgreementFilters.Date(a.At, "time")).FirstOrDefault()
            : null;

        var blocks = new KeepTogether();
        if (model.Representative is { } rep)
            blocks.Add(new SignatureBlock(rep.Name, $"Representative ({rep.Relationship}) for {model.Person.Name}") { Date = DateOf(AgreementParty.Representative, AgreementParty.Person) });
        else
            blocks.Add(new SignatureBlock(model.Person.Name, "The person") { Date = DateOf(AgreementParty.Person) });

        var provider = model.Provider;
        blocks.Add(new SignatureBlock(provider.Signatory ?? provider.Name, Role(provider.SignatoryRole, provider.Name, provider.Signatory, "the provider")) { Date = DateOf(AgreementParty.Provider) });
        var authority = model.Authority;
        blocks.Add(new SignatureBlock(authority.Signatory ?? authority.Name, Role(authority.SignatoryRole, authority.Name, authority.Signatory, "the authority")) { Date = DateOf(AgreementParty.Authority) });
        return blocks;

        static string Role(string? role, string organisation, string? signatory, string party) =>
            signatory is null ? party[0..1].ToUpperInvariant() + party[1..] : $"{role ?? "Signatory"}, for {organisation} ({party})";
    }

    private static void AppendAcceptanceRecord(Document document, IsfAgreementModel model)
    {
        document.PageBreak();
        document.Heading(1, "Acceptance record");
        document.Paragraph($"Each party accepted this agreement ({model.AgreementReference}, version {model.Version}) in the Commissioning Portal. " +
                           "The SHA-256 is the fingerprint of the exact PDF they accepted: the same file always gives the same fingerprint, and any change to it gives a different one.");
        if (model.VerificationUrl is { Length: > 0 } url)
            document.Paragraph(new Paragraph().Text("Anyone with a copy of the agreement can check it at ").Bold(url).Text(" without the portal showing its content."));

        if (model.Acceptances.Count == 0)
        {
            document.Paragraph(new Paragraph().Italic("No party has accepted this agreement yet."));
            return;
        }
        var table = new Table(1.3f, 1.5f, 1.9f, 3.3f).Header("Party", "Name", "Accepted (UTC)", "SHA-256 of the accepted PDF");
        foreach (var a in model.Acceptances)
            table.Row(PartyLabel(a.Party, model), a.Name, AgreementFilters.Date(a.At, "d MMM yyyy, HH:mm:ss"), Grouped(a.Sha256));
        document.Add(table);
    }

    private static string PartyLabel(AgreementParty party, IsfAgreementModel model) => party switch
    {
        AgreementParty.Person => "The person",
        AgreementParty.Representative => $"Representative for {model.Person.Name}",
        AgreementParty.Provider => $"Provider: {model.Provider.Name}",
        AgreementParty.Authority => $"Authority: {model.Authority.Name}",
        _ => party.ToString(),
    };

    /// <summary>The hash in groups of eight, so it wraps between groups and can be read aloud.</summary>
    private static string Grouped(string hex)
    {
        hex = hex.Trim().ToLowerInvariant();
        return string.Join(' ', Enumerable.Range(0, (hex.Length + 7) / 8).Select(i => hex.Substring(i * 8, Math.Min(8, hex.Length - i * 8))));
    }

    private static Template Rent(string source)
    {
        if (Parsed.TryGetValue(source, out var pool) && pool.TryTake(out var pooled)) return pooled;
        var errors = TemplateValidator.Validate(MergeSchema.For<IsfAgreementModel>(), source);
        if (errors.Count > 0) throw new AgreementTemplateException(errors);
        Template template;
        try
        {
            template = Template.Parse(source);
        }
        catch (LiquidException e)
        {
            throw new AgreementTemplateException([new TemplateError(1, e.Message)]);
        }
        return template;
    }

    private static void Return(string source, Template template)
    {
        if (Parsed.Count > 64) Parsed.Clear(); // a handful of templates are in use at once; never grow without bound
        var pool = Parsed.GetOrAdd(source, static _ => []);
        if (pool.Count < Environment.ProcessorCount * 2) pool.Add(template);
    }

    private static string ReadDefault()
    {
        using var stream = typeof(AgreementTemplate).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
