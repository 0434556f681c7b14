using System.Net;
using System.Text.Json;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Agreements;

/// <summary>An authority's agreement template editor: bad merge fields and bad Liquid are refused with their line, keeping the text.</summary>
public abstract class TemplateEditorTests(PortalFactory portal) : PortalTestBase(portal)
{
    /// <summary>The Glenmore commissioner (an authority administrator) on the editor of Glenmore's draft, started from the default if there is none.</summary>
    private async Task<(PortalClient Client, PortalClient.Page Editor, Guid Id)> DraftAsync()
    {
        var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        var list = await client.GetPageAsync("/authority/glenmore/templates");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var started = await client.SubmitAsync(list, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        return (client, await client.GetPageAsync(url), Guid.Parse(url.Split('/')[^1]));
    }

    private static string Typed(PortalClient.Page page) => page.Document.QuerySelector("textarea#Markdown")!.TextContent.ReplaceLineEndings("\n");

    /// <summary>The typed template with <paramref name="line"/> inserted so that it becomes line <paramref name="number"/>.</summary>
    private static string WithLine(string template, int number, string line)
    {
        var lines = template.ReplaceLineEndings("\n").Split('\n').ToList();
        lines.Insert(number - 1, line);
        return string.Join('\n', lines);
    }

    private Task<string> StoredAsync(Guid id) => Portal.WithDbAsync(db => db.ContractTemplates.Where(t => t.Id == id).Select(t => t.Markdown).SingleAsync(Ct));

    [Fact]
    public async Task The_first_draft_starts_from_the_default_ccps_template()
    {
        var (client, editor, _) = await DraftAsync();
        using (client)
        {
            var text = Typed(editor);
            Assert.Contains("# Your support agreement: the short version", text);
            foreach (var section in new[] { "## 1. The parties and their roles", "## 7. Payment schedule", "## 8. Flexibility", "## 10. Review", "## 16. Ending the agreement or changing provider", "## 17. Data protection", "## 19. Signatures" })
                Assert.Contains(section, text);
            // The editor lists the merge fields it accepts.
            var fields = editor.Document.QuerySelectorAll("#merge-fields li code").Select(c => c.TextContent).ToList();
            Assert.Contains("person.name", fields);
            Assert.Contains("budget.weekly", fields);
            Assert.Contains("payments[].amount", fields);
        }
    }

    [Fact]
    public async Task A_misspelt_merge_field_is_refused_with_its_line_and_the_typed_text_is_kept()
    {
        var (client, editor, id) = await DraftAsync();
        using (client)
        {
            var before = await StoredAsync(id);
            var typed = WithLine(Typed(editor), 12, "Dear {{ person.nmae }},");

            var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(editor, new Dictionary<string, string> { ["Markdown"] = typed }));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            var summary = refused.Document.QuerySelector(".ds_error-summary")!.TextContent;
            Assert.Contains("Line 12: unknown field person.nmae — did you mean person.name?", summary);
            Assert.Contains("Line 12", refused.Document.QuerySelector("#Markdown-error, .ds_question--error")!.TextContent);
            Assert.Equal(typed, Typed(refused));
            Assert.Equal(before, await StoredAsync(id));
        }
    }

    [Fact]
    public async Task Invalid_liquid_is_refused_with_its_line_and_the_typed_text_is_kept()
    {
        var (client, editor, id) = await DraftAsync();
        using (client)
        {
            var before = await StoredAsync(id);
            var typed = WithLine(Typed(editor), 4, "{% if representative %}Signed for you.");

            var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(editor, new Dictionary<string, string> { ["Markdown"] = typed }));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("Line 4: {% if %} is never closed", System.Text.RegularExpressions.Regex.Replace(refused.Document.QuerySelector(".ds_error-summary")!.TextContent, @"\s+", " "));
            Assert.Equal(typed, Typed(refused));
            Assert.Equal(before, await StoredAsync(id));

            var syntax = WithLine(Typed(editor), 5, "{% for o in %}{% endfor %}");
            var broken = await PortalClient.Page.ReadAsync(await client.SubmitAsync(editor, new Dictionary<string, string> { ["Markdown"] = syntax }));
            Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
            Assert.Contains("Line 5: ", broken.Document.QuerySelector(".ds_error-summary")!.TextContent);
            Assert.Contains("{% for %} is not written correctly", broken.Document.QuerySelector(".ds_error-summary")!.TextContent);
            Assert.Equal(syntax, Typed(broken));
            Assert.Equal(before, await StoredAsync(id));
        }
    }

    [Fact]
    public async Task A_template_that_repeats_too_much_is_refused_on_save_naming_the_limit_and_the_typed_text_is_kept()
    {
        var (client, editor, id) = await DraftAsync();
        using (client)
        {
            var before = await StoredAsync(id);
            var typed = WithLine(Typed(editor), 6, "{% for i in (1..1000000) %}{{ i }} {% endfor %}");

            var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(editor, new Dictionary<string, string> { ["Markdown"] = typed }));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("Line 6: this loop would go round 1,000,000 times: a template may take at most 20,000 steps", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
            Assert.Equal(typed, Typed(refused));
            Assert.Equal(before, await StoredAsync(id));

            // A string doubled in a loop is found by filling in the sample agreement.
            var doubling = WithLine(Typed(editor), 3, "{% assign s = \"0123456789\" %}{% for i in (1..22) %}{% assign s = s | append: s %}{% endfor %}{{ s }}");
            var tooLong = await PortalClient.Page.ReadAsync(await client.SubmitAsync(editor, new Dictionary<string, string> { ["Markdown"] = doubling }));
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
            Assert.Contains("Line 3: the template makes too much text", tooLong.Document.QuerySelector(".ds_error-summary")!.TextContent);
            Assert.Equal(before, await StoredAsync(id));
        }
    }

    [Fact]
    public async Task The_live_preview_shows_the_sample_agreement_or_the_problems_and_saves_nothing()
    {
        var (client, editor, id) = await DraftAsync();
        using (client)
        {
            var before = await StoredAsync(id);
            var token = editor.Document.QuerySelector("#template-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var live = editor.Document.QuerySelector("#template-form")!.GetAttribute("data-preview")!;

            async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(string markdown)
            {
                var response = await client.Http.PostAsync(live, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Markdown"] = markdown }), Ct);
                return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement);
            }

            var (okStatus, ok) = await PreviewAsync("# Agreement for {{ person.name }}\n\n**{{ budget.weekly | money }} a week**, reviewed on {{ review_date | date }}.\n");
            Assert.Equal(HttpStatusCode.OK, okStatus);
            var html = ok.GetProperty("html").GetString()!;
            Assert.Contains("<h1", html);
            Assert.Contains("Agreement for Jamie Reid", html);
            Assert.Contains("<strong>£412.50 a week</strong>", html);

            var (badStatus, bad) = await PreviewAsync("# Agreement\n\n{{ person.nmae }}\n");
            Assert.Equal(HttpStatusCode.BadRequest, badStatus);
            var error = Assert.Single(bad.GetProperty("errors").EnumerateArray());
            Assert.Equal(3, error.GetProperty("line").GetInt32());
            Assert.Contains("person.nmae", error.GetProperty("message").GetString());

            // Markup typed into the template is never passed through as HTML.
            var (_, script) = await PreviewAsync("# Hi\n\n<script>alert(1)</script>\n");
            Assert.DoesNotContain("<script", script.GetProperty("html").GetString());
            Assert.Equal(before, await StoredAsync(id));
        }
    }
}

public sealed class TemplateEditorOnSqlite(SqlitePortal portal) : TemplateEditorTests(portal);

public sealed class TemplateEditorOnPostgres(PostgresPortal portal) : TemplateEditorTests(portal);
