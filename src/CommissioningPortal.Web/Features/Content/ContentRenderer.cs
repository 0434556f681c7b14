using System.Collections.Concurrent;
using CommissioningPortal.Themes.Saltire;
using DotLiquid;
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

    private readonly ConcurrentDictionary<string, Template> _templates = new();
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
        {
            var parsed = Template.Parse(SaltireTheme.ReadLiquidTemplate(name));
            parsed.MakeThreadSafe();
            return parsed;
        });
        var page = Hash.FromDictionary(new Dictionary<string, object>
        {
            ["title"] = title,
            ["body"] = MarkdownToSafeHtml(markdown),
            ["updated"] = updated?.ToString("d MMMM yyyy") ?? "",
        });
        // DotLiquid escapes nothing by default; the title is escaped here, the body is already sanitised HTML.
        page["title"] = System.Net.WebUtility.HtmlEncode(title);
        return template.Render(new RenderParameters(System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
        {
            LocalVariables = Hash.FromDictionary(new Dictionary<string, object> { ["page"] = page }),
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
        });
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
