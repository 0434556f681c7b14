using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Individual Service Fund agreement templates: Markdown with Liquid merge fields
/// (<c>{{ person.name }}</c>, <c>{{ budget.weekly | money }}</c>, <c>{% for o in outcomes %}</c>,
/// <c>{% if representative %}</c>), merged with an <see cref="IsfAgreementModel"/> by Fluid under
/// <see cref="TemplateLimits"/> and laid out as a <see cref="Document"/> for
/// <see cref="PdfRenderer.Render(Document, PdfRenderOptions?)"/>.
/// </summary>
public static class AgreementTemplate
{
    public const string DefaultResourceName = "CommissioningPortal.Documents.Templates.isf-agreement.default.md";

    // Liquid's standard filters with `money` and `date` (ours, in UK form, instead of the standard one).
    private static readonly TemplateOptions Options = Liquid.Options(AgreementFilters.Register);
    private static readonly IReadOnlySet<string> FilterNames = Options.Filters.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
    // Checked templates, parsed once per source text. A Fluid template is immutable, so one is shared by every render.
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly Lazy<string> DefaultSource = new(ReadDefault);

    /// <summary>The default template (CCPS Option 2 principles; page one is an easy-read summary).</summary>
    public static string Default => DefaultSource.Value;

    /// <summary>Every merge-field path a template may use.</summary>
    public static IReadOnlySet<string> FieldPaths => IsfAgreementModel.FieldPaths;

    /// <summary>
    /// Checks a template before it is saved: Liquid syntax (each problem with its line), blocks left
    /// open, unknown tags and filters, every merge field against <see cref="FieldPaths"/> (loop
    /// variables inside their for-block and assigned names are allowed), and the
    /// <see cref="TemplateLimits"/> it can be seen to break (its length, a loop over too long a range,
    /// blocks nested too deep). Then it is merged with the sample agreement under the limits, so a
    /// template that repeats too much or makes too much text is refused too. Empty when the template is good.
    /// </summary>
    public static IReadOnlyList<TemplateError> Validate(string source) => Validate(source, TemplateLimits.Default);

    /// <inheritdoc cref="Validate(string)"/>
    public static IReadOnlyList<TemplateError> Validate(string source, TemplateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        var check = Check(source, limits);
        if (check.Errors.Count > 0) return check.Errors;
        try
        {
            _ = Render(source, IsfAgreementModel.Sample(), limits);
            return [];
        }
        catch (AgreementTemplateException e)
        {
            return e.Errors;
        }
        catch (TemplateLimitException e)
        {
            // Where it went over is not known while rendering: point at the loop (or the assign) that can make it so.
            var line = e.Limit == TemplateLimit.Output ? check.FirstAssignLine ?? check.FirstLoopLine : check.FirstLoopLine ?? check.FirstAssignLine;
            return [new TemplateError(line ?? 1, e.Message)];
        }
        catch (Exception e) when (e is FluidException or System.ArgumentException or InvalidOperationException or FormatException or InvalidCastException or OverflowException)
        {
            return [new TemplateError(1, "the template could not be merged with the sample agreement: " + e.Message)];
        }
    }

    /// <summary>Merges the template with the model and returns the Markdown (what an HTML preview would show).</summary>
    /// <exception cref="AgreementTemplateException">The template is not valid (see <see cref="Validate(string)"/>).</exception>
    /// <exception cref="TemplateLimitException">Merging it reached one of <paramref name="limits"/> (the default ones when null).</exception>
    public static string Merge(string source, IsfAgreementModel model, TemplateLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        var template = Parse(source, limits ?? TemplateLimits.Default);
        var context = new TemplateContext(Options);
        MergeSchema.For<IsfAgreementModel>().Fill(context, model);
        // The output is Markdown, not HTML: nothing is HTML-encoded, and text values are already escaped for Markdown.
        return Liquid.Render(template, context, NullEncoder.Default, limits, ct);
    }

    /// <summary>
    /// The agreement as a document: merged, then Markdown mapped to headings, paragraphs, lists,
    /// tables, page breaks and (at <c>[signatures]</c>) a signature block per party kept together;
    /// the agreement reference in the header and "Page X of Y" in the footer. Acceptances in the
    /// model are ignored, so the bytes each party accepts are the same.
    /// </summary>
    /// <exception cref="AgreementTemplateException">The template is not valid (see <see cref="Validate(string)"/>).</exception>
    /// <exception cref="TemplateLimitException">Merging it reached one of <paramref name="limits"/> (the default ones when null).</exception>
    public static Document Render(string source, IsfAgreementModel model, TemplateLimits? limits = null) => Build(source, model, final: false, limits);

    /// <summary>
    /// The final agreement: <see cref="Render"/> plus a last page, "Acceptance record", with a row
    /// per acceptance (party, name, date and time, SHA-256 of the PDF they accepted), and the
    /// acceptance dates printed on the signature lines.
    /// </summary>
    public static Document RenderFinal(string source, IsfAgreementModel model, TemplateLimits? limits = null) => Build(source, model, final: true, limits);

    private static Document Build(string source, IsfAgreementModel model, bool final, TemplateLimits? limits)
    {
        var markdown = Merge(source, model, limits);
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
        // Once accepted, each block carries who accepted, how (in the portal, or on paper) and the date.
        Acceptance? Of(params AgreementParty[] parties) => final ? model.Acceptances.FirstOrDefault(a => parties.Contains(a.Party)) : null;
        SignatureBlock Block(string name, string role, Acceptance? accepted) => new(accepted?.Name ?? name, role)
        {
            Date = accepted is null ? null : AgreementFilters.Date(accepted.At, "time"),
            Signed = accepted is null ? null : char.ToUpperInvariant(accepted.How[0]) + accepted.How[1..],
        };

        var blocks = new KeepTogether();
        if (model.Representative is { } rep)
            blocks.Add(Block(rep.Name, $"Representative ({rep.Relationship}) for {model.Person.Name}", Of(AgreementParty.Representative, AgreementParty.Person)));
        else
            blocks.Add(Block(model.Person.Name, "The person", Of(AgreementParty.Person)));

        var provider = model.Provider;
        blocks.Add(Block(provider.Signatory ?? provider.Name, Role(provider.SignatoryRole, provider.Name, provider.Signatory, "the provider"), Of(AgreementParty.Provider)));
        var authority = model.Authority;
        blocks.Add(Block(authority.Signatory ?? authority.Name, Role(authority.SignatoryRole, authority.Name, authority.Signatory, "the authority"), Of(AgreementParty.Authority)));
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
            table.Row(PartyLabel(a.Party, model), $"{a.Name} ({a.How})", AgreementFilters.Date(a.At, "d MMM yyyy, HH:mm:ss"), Grouped(a.Sha256));
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

    private static TemplateValidator Check(string source, TemplateLimits limits) =>
        TemplateValidator.Validate(MergeSchema.For<IsfAgreementModel>(), FilterNames, limits, source);

    /// <summary>The parsed template, checked the first time its text is seen.</summary>
    private static IFluidTemplate Parse(string source, TemplateLimits limits)
    {
        if (Parsed.TryGetValue(source, out var parsed)) return parsed;
        var check = Check(source, limits);
        if (check.Errors.Count > 0) throw new AgreementTemplateException(check.Errors);
        if (!Liquid.TryParse(source, out parsed, out var error)) throw new AgreementTemplateException([error!]);
        if (Parsed.Count > 64) Parsed.Clear(); // a handful of templates are in use at once; never grow without bound
        Parsed[source] = parsed;
        return parsed;
    }

    private static string ReadDefault()
    {
        using var stream = typeof(AgreementTemplate).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
