using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Themes.Saltire;
using Fluid;
using Fluid.Values;
using Ganss.Xss;
using Markdig;

namespace CommissioningPortal.Web.Features.Content;


/// <summary>
/// Markdown → HTML (Markdig, raw HTML disabled) → sanitised (HtmlSanitizer: an allow-list of tags,
/// attributes and URL schemes) → placed in the theme's Liquid template (Fluid). Nothing an editor
/// types can run script on a public page.
/// </summary>
public sealed class ContentRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly TemplateOptions Options = Liquid.Options();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string MarkdownToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", Pipeline);
        html = html.Replace("<table>", "<table class=\"ds_table\">", StringComparison.Ordinal);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Renders a page through the named theme template (default <c>page.liquid</c>).</summary>
    public string RenderPage(string title, string markdown, DateTimeOffset? updated, string templateName = "page.liquid")
    {
        var template = _templates.GetOrAdd(templateName, static name =>
            Liquid.TryParse(SaltireTheme.ReadLiquidTemplate(name), out var parsed, out var error)
                ? parsed
                : throw new InvalidOperationException($"The theme's Liquid template {name} is not valid: {error}"));
        var page = new Dictionary<string, FluidValue>(StringComparer.Ordinal)
        {
            ["title"] = StringValue.Create(title), // encoded on output
            ["body"] = StringValue.Create(MarkdownToSafeHtml(markdown), encode: false), // sanitised HTML already
            ["updated"] = StringValue.Create(updated?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? ""),
        };
        var context = new TemplateContext(Options);
        context.SetValue("page", DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(page)));
        return Liquid.Render(template, context, HtmlEncoder.Default);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[]
                 {
                     "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "strong", "em", "b", "i", "code", "pre",
                     "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "del", "sup", "sub",
                 })
        {
            sanitizer.AllowedTags.Add(tag);
        }
        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "title", "class", "id", "align", "scope" }) sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
