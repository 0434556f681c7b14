using CommissioningPortal.Web.Features.Content;
using Xunit;

namespace CommissioningPortal.Tests.Content;

public sealed class ContentRendererTests
{
    private readonly ContentRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"/x\" onclick=\"steal()\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    public void Hostile_markup_never_becomes_live_html(string markdown) =>
        HtmlSafety.AssertInert(_renderer.MarkdownToSafeHtml(markdown));

    [Fact]
    public void Markdown_becomes_headings_lists_links_and_tables()
    {
        var html = _renderer.MarkdownToSafeHtml("## Options\n\n- one\n- two\n\n[Read more](/pages/about)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Assert.Contains("<h2", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("href=\"/pages/about\"", html);
        Assert.Contains("<table class=\"ds_table\">", html);
    }

    [Fact]
    public void The_theme_template_wraps_the_page_and_encodes_the_title()
    {
        var html = _renderer.RenderPage("Fish & <chips>", "Body text", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("<h1 class=\"ds_page-header__title\">Fish &amp; &lt;chips&gt;</h1>", html);
        Assert.Contains("<p>Body text</p>", html);
        Assert.Contains("Last updated 23 November 2026", html);
    }
}

/// <summary>Checks parsed HTML (not text) for anything that could run: scripts, frames, handlers, script URLs.</summary>
public static class HtmlSafety
{
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    public static void AssertInert(string html)
    {
        var document = Parser.ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, svg, img, style"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}> survived");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{attribute.Name}={attribute.Value} survived");
            }
        }
    }
}
