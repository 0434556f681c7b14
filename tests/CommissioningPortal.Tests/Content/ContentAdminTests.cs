using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Content;

public abstract class ContentAdminTests(PortalFactory portal) : PortalTestBase(portal)
{
    private const string Hostile = "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click me](javascript:alert(1))";

    private async Task<PortalClient> AdminAsync()
    {
        var client = NewClient();
        await client.SignInAsync(DemoUsers.Administrator);
        return client;
    }

    private async Task<string> NewPageAsync(PortalClient admin, string markdown = "First text.")
    {
        var slug = $"test-{Guid.NewGuid():N}"[..20];
        var create = await admin.GetPageAsync("/admin/pages/new");
        var response = await admin.SubmitAsync(create, new Dictionary<string, string> { ["Slug"] = slug, ["Title"] = "Test page", ["Markdown"] = markdown });
        Assert.Equal($"/admin/pages/{slug}/edit", response.Headers.Location?.OriginalString);
        return slug;
    }

    private static async Task PublishAsync(PortalClient admin, string slug)
    {
        var confirm = await admin.GetPageAsync($"/admin/pages/{slug}/publish");
        Assert.Contains("The public will see it at once", confirm.Text);
        await admin.SubmitAsync(confirm, new Dictionary<string, string>());
    }

    [Fact]
    public async Task Edit_preview_publish_shows_the_public_the_new_text_keeps_history_and_strips_script()
    {
        using var admin = await AdminAsync();
        const string slug = "your-four-sds-options";
        var marker = $"Updated by the test {Guid.NewGuid():N}";

        var edit = await admin.GetPageAsync($"/admin/pages/{slug}/edit");
        var original = edit.Document.QuerySelector("#Markdown")!.TextContent;
        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Markdown"] = $"{marker}\n\n{Hostile}\n\n{original}" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var anonymous = NewClient();
        Assert.DoesNotContain(marker, (await anonymous.GetPageAsync($"/pages/{slug}")).Text); // a draft is not public

        var preview = await admin.GetPageAsync($"/admin/pages/{slug}/preview");
        Assert.Contains("Preview — not published", preview.Text);
        Assert.Contains(marker, preview.Text);

        await PublishAsync(admin, slug);

        var publicPage = await anonymous.GetPageAsync($"/pages/{slug}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Contains(marker, publicPage.Text);
        Assert.DoesNotContain("<script>alert", publicPage.Html);
        HtmlSafety.AssertInert(publicPage.Document.QuerySelector("main")!.InnerHtml);

        var history = await admin.GetPageAsync($"/admin/pages/{slug}/history");
        var rows = history.Document.QuerySelectorAll("tbody tr");
        Assert.True(rows.Length >= 2);
        Assert.Contains("Published", rows[0].TextContent);
        Assert.Contains("recipe", history.Text); // the original revision is still there
    }

    [Fact]
    public async Task Unpublishing_takes_the_page_away_from_the_public()
    {
        using var admin = await AdminAsync();
        var slug = await NewPageAsync(admin, "Visible for now.");
        await PublishAsync(admin, slug);
        using var anonymous = NewClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPageAsync($"/pages/{slug}")).Status);

        var confirm = await admin.GetPageAsync($"/admin/pages/{slug}/unpublish");
        await admin.SubmitAsync(confirm, new Dictionary<string, string>());
        var gone = await anonymous.GetPageAsync($"/pages/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("Page not found", gone.Text);
    }

    [Fact]
    public async Task A_stale_save_keeps_the_editors_text_and_does_not_overwrite_the_other_edit()
    {
        using var admin = await AdminAsync();
        var slug = await NewPageAsync(admin);
        var first = await admin.GetPageAsync($"/admin/pages/{slug}/edit");
        var second = await admin.GetPageAsync($"/admin/pages/{slug}/edit");

        await admin.SubmitAsync(first, new Dictionary<string, string> { ["Markdown"] = "Alice's words." });
        var clash = await PortalClient.Page.ReadAsync(await admin.SubmitAsync(second, new Dictionary<string, string> { ["Markdown"] = "Bob's words." }));

        Assert.Equal(HttpStatusCode.Conflict, clash.Status);
        Assert.Contains("Someone else changed this page while you were editing", clash.Text);
        Assert.Equal("Bob's words.", clash.Document.QuerySelector("#Markdown")!.TextContent);
        Assert.Contains("Alice's words.", clash.Document.QuerySelector("pre")!.TextContent);

        var history = await admin.GetPageAsync($"/admin/pages/{slug}/history");
        Assert.Equal(2, history.Document.QuerySelectorAll("tbody tr").Length); // Bob's save wrote nothing
    }

    [Fact]
    public async Task A_bad_address_is_named_and_what_was_typed_is_kept()
    {
        using var admin = await AdminAsync();
        var create = await admin.GetPageAsync("/admin/pages/new");
        var page = await PortalClient.Page.ReadAsync(await admin.SubmitAsync(create,
            new Dictionary<string, string> { ["Slug"] = "Not A Slug!", ["Title"] = "Kept title", ["Markdown"] = "Kept text" }));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("The address can only have lower-case letters", page.Text);
        Assert.Equal("Kept title", page.Document.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal("Kept text", page.Document.QuerySelector("#Markdown")!.TextContent);
    }

    [Fact]
    public async Task People_who_are_not_administrators_cannot_edit_pages()
    {
        using var person = NewClient();
        await person.SignInAsync(DemoUsers.Person);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetPageAsync("/admin/pages")).Status);
        using var anonymous = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/pages/your-four-sds-options/edit")).StatusCode);
    }

    [Fact]
    public async Task The_page_list_downloads_as_csv()
    {
        using var admin = await AdminAsync();
        var csv = await admin.GetAsync("/admin/pages/export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Your four SDS options", await csv.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class ContentAdminOnSqlite(SqlitePortal portal) : ContentAdminTests(portal);

public sealed class ContentAdminOnPostgres(PostgresPortal portal) : ContentAdminTests(portal);
