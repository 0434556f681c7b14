using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 20, item 5: a corpus of hostile input sent to every form and every GET query the portal has. Every route
/// of the authorisation matrix is visited as the first caller its row allows; every form found on the page is posted
/// with each hostile value in every field (and with duplicated fields, no antiforgery token, a JSON or plain-text
/// body, and hostile files where it takes uploads); every GET form and API gets the values in its query string.
/// Nothing may answer 5xx; a rejected post (4xx) may not change a single stored value; and afterwards no page
/// renders a script, event handler or javascript: link that the corpus planted.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Marker = "hostile_";

    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>(PortalFactory.QuietBackground)); // nothing but the requests writes

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    /// <summary>A value, written as the raw percent-encoded text of a form body (so bytes that are not UTF-8 can be sent).</summary>
    private sealed record Hostile(string Name, string Encoded)
    {
        public static Hostile Text(string name, string value) => new(name, Uri.EscapeDataString(value));
    }

    private static readonly Hostile[] Corpus =
    [
        Hostile.Text("overlong", new string('x', 100_000)),
        Hostile.Text("script tag", $"<script>{Marker}script()</script>"),
        Hostile.Text("attribute breakout", $"\"><img src=x onerror={Marker}img()>'"),
        Hostile.Text("javascript link", $"javascript:{Marker}link()"),
        Hostile.Text("right-to-left override", "Invoice\u202Efdp.exe"),
        Hostile.Text("zero-width", "\u200B\u200C\u200D\uFEFF"),
        Hostile.Text("NUL", "before\0after"),
        Hostile.Text("combining marks", "Z\u0337\u0322a\u0335l\u0336g\u0338o\u0337"),
        Hostile.Text("emoji sequence", "\U0001F469\u200D\U0001F469\u200D\U0001F467"),
        new("invalid UTF-8", "%FF%FE%ED%A0%80%C0%AF"),
        Hostile.Text("SQL quote", "' OR '1'='1' --"),
        Hostile.Text("SQL statement", "1; DROP TABLE \"Providers\"; --"),
        Hostile.Text("huge number", "99999999999999999999999999999999"),
        Hostile.Text("overflowing float", "1e309"),
        Hostile.Text("not a number", "NaN"),
        Hostile.Text("negative zero", "-0"),
        Hostile.Text("Arabic-Indic digits", "\u0663\u0664"),
        Hostile.Text("impossible date", "2026-02-30"),
        Hostile.Text("zero date", "0000-00-00"),
        Hostile.Text("far date", "9999-12-31T25:61:61"),
        Hostile.Text("path traversal", "../../../../etc/passwd"),
        Hostile.Text("empty", ""),
        Hostile.Text("whitespace", " \t\r\n "),
        Hostile.Text("not a guid", "00000000-0000-0000-0000-00000000000G"),
    ];

    /// <summary>
    /// Stored values a refused request may still change, each for a stated reason. Everything else must be byte-for-byte the same.
    /// </summary>
    private static readonly HashSet<string> MayChangeOnRefusal =
    [
        // A wrong current password counts towards lockout (ASVS 2.2.1): that is the refusal working, not state half-written.
        "AspNetUsers.AccessFailedCount",
        "AspNetUsers.LockoutEnd",
        "AspNetUsers.ConcurrencyStamp",
    ];

    [Fact]
    public async Task Every_form_and_api_survives_the_corpus_with_no_5xx_no_change_on_refusal_and_no_stored_script()
    {
        var ids = await AuthorisationMatrixTests.SeedAsync(_portal);
        Assert.True(Fingerprint().Count > 1000, "the fingerprint should see every stored value of the seeded database");
        var failures = new List<string>();
        var attacked = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<(string Path, int Caller)>();
        var forms = 0;
        var requests = 0;

        // Every caller a row allows visits it (what a page offers depends on who looks), then every same-site link those
        // pages show, one page of each shape (ids stand for any id) per caller; each distinct form is attacked once.
        var queue = new Queue<(string Path, int Caller)>();
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        void Enqueue(string path, int caller)
        {
            if (shapes.Add(caller + " " + Shape(path))) queue.Enqueue((path, caller));
        }
        foreach (var row in AuthorisationMatrixTests.Matrix)
        {
            for (var caller = 0; caller < row.Get.Length; caller++)
                if (row.Get[caller] == 'A') Enqueue(AuthorisationMatrixTests.Substitute(row.Path, ids), caller);
        }

        var clients = new Dictionary<int, PortalClient>();
        async Task<PortalClient> SharedAsync(int caller) => clients.TryGetValue(caller, out var c) ? c : clients[caller] = await ClientForAsync(caller);
        try
        {
            while (queue.TryDequeue(out var next))
            {
                var (path, caller) = next;
                var own = path.StartsWith("/account/manage", StringComparison.Ordinal);
                var client = own ? await ThrowawayClientAsync() : await SharedAsync(caller);
                try
                {
                    var response = await client.Http.GetAsync(path, Ct);
                    requests++;
                    if ((int)response.StatusCode >= 500) failures.Add($"GET {path}: {(int)response.StatusCode}");
                    if (!response.IsSuccessStatusCode) continue;
                    if (response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        // An API or a download: hostile values in its query string instead, once.
                        if (attacked.Add("query " + Shape(path)))
                            requests += await AttackQueryAsync(client, path, ["page", "per_page", "search", "q", "taxonomy_term_id", "since", "locality", "kind"], failures);
                        continue;
                    }
                    visited.Add((path, caller));
                    var page = await PortalClient.Page.ReadAsync(response);
                    foreach (var link in page.Document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
                    {
                        if (!link.StartsWith("//", StringComparison.Ordinal) && !link.Contains("logout", StringComparison.Ordinal)) Enqueue(link.Split('#')[0], caller);
                    }
                    foreach (var form in page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
                    {
                        var action = ActionOf(form, path);
                        var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
                        var names = FieldNames(form);
                        if (!attacked.Add(method + " " + Shape(StripQuery(action, keepHandler: true)) + " " + string.Join(",", names.Order()))) continue;
                        forms++;
                        if (method != "post") { requests += await AttackQueryAsync(client, action, names, failures); continue; }
                        // Signing out works (the duplicated-fields post carries a good token): do it on a client of its own.
                        if (action.StartsWith("/account/logout", StringComparison.Ordinal))
                        {
                            using var leaving = await ClientForAsync(caller);
                            requests += await AttackPostAsync(leaving, action, form, failures);
                        }
                        else requests += await AttackPostAsync(client, action, form, failures);
                    }
                }
                finally
                {
                    if (own) client.Dispose();
                }
            }

            // Whatever the corpus managed to store, no page may now run it.
            foreach (var (path, caller) in visited)
            {
                var own = path.StartsWith("/account/manage", StringComparison.Ordinal);
                var client = own ? await ThrowawayClientAsync() : await SharedAsync(caller);
                using var response = await client.Http.GetAsync(path, Ct);
                if ((int)response.StatusCode >= 500) failures.Add($"GET {path} after the corpus: {(int)response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync(Ct);
                failures.AddRange(PlantedScripts(html).Select(s => $"GET {path} renders planted script: {s}"));
                if (own) client.Dispose();
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }

        if (Environment.GetEnvironmentVariable("HOSTILE_DUMP") is { Length: > 0 } dump)
            await File.WriteAllLinesAsync(dump, attacked.Order().Append($"{requests} requests"), Ct);
        Assert.True(forms >= 40, $"only {forms} forms were found: the crawl is not reaching the portal's pages");
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {requests} hostile requests to {forms} forms:\n" + string.Join("\n", failures.Take(60)));
    }

    private async Task<PortalClient> ClientForAsync(int caller)
    {
        var client = _portal.CreatePortalClient();
        if (AuthorisationMatrixTests.Callers[caller].Email is { } who) await client.SignInAsync(who);
        return client;
    }

    /// <summary>Account pages get a user of their own: the corpus types wrong passwords there, and lockout must not end the other callers' sessions.</summary>
    private async Task<PortalClient> ThrowawayClientAsync()
    {
        var (email, _) = await _portal.CreateProviderUserAsync();
        return await _portal.SignedInProviderAsync(email);
    }

    private async Task<int> AttackPostAsync(PortalClient client, string action, IHtmlFormElement form, List<string> failures)
    {
        var fields = Fields(form);
        var token = fields.FirstOrDefault(f => f.Name == "__RequestVerificationToken").Value ?? "";
        var editable = fields.Where(f => f.Name != "__RequestVerificationToken").Select(f => f.Name).Distinct().ToList();
        var sent = 0;

        async Task SendAsync(string what, HttpContent content)
        {
            var before = Fingerprint();
            int status;
            try
            {
                using var response = await client.Http.PostAsync(action, content, Ct);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException) when (what.Contains("MB", StringComparison.Ordinal))
            {
                status = 413; // Kestrel refuses an oversized body and closes the connection before the client has sent it all
            }
            sent++;
            if (status >= 500) failures.Add($"POST {action} with {what}: {status}");
            else if (status is >= 400 and < 500)
            {
                var changed = Changes(before, Fingerprint());
                if (changed.Count > 0) failures.Add($"POST {action} with {what} was refused ({status}) but changed {string.Join(", ", changed.Take(5))}");
            }
        }

        static string Pair(string name, string encoded) => Uri.EscapeDataString(name) + "=" + encoded;
        string Body(Func<string, string> valueOf, bool withToken = true) =>
            string.Join("&", (withToken ? [Pair("__RequestVerificationToken", Uri.EscapeDataString(token))] : Array.Empty<string>())
                .Concat(editable.Select(n => Pair(n, valueOf(n)))));
        static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");

        foreach (var hostile in Corpus)
            await SendAsync(hostile.Name + " in every field", Form(Body(_ => hostile.Encoded)));

        // Each field given twice, the second time hostile; and the form with its own values but no antiforgery token.
        var original = fields.Where(f => f.Name != "__RequestVerificationToken").ToLookup(f => f.Name, f => f.Value);
        string Own(string name) => Uri.EscapeDataString(original[name].FirstOrDefault() ?? "");
        await SendAsync("every field duplicated", Form(Body(Own) + "&" + string.Join("&", editable.Select(n => Pair(n, Corpus[1].Encoded)))));
        await SendAsync("no antiforgery token", Form(Body(Own, withToken: false)));
        await SendAsync("a malformed JSON body", new StringContent("{\"" + (editable.FirstOrDefault() ?? "a") + "\": [1, 2", Encoding.UTF8, "application/json"));
        await SendAsync("a plain-text body", new StringContent(Body(Own), Encoding.UTF8, "text/plain"));

        foreach (var file in form.QuerySelectorAll("input[type=file]").OfType<IHtmlInputElement>().Select(i => i.Name).Where(n => !string.IsNullOrEmpty(n)))
        {
            foreach (var (what, name, bytes, type) in HostileFiles())
            {
                var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
                foreach (var n in editable.Where(n => n != file)) multipart.Add(new StringContent(original[n].FirstOrDefault() ?? ""), n);
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
                multipart.Add(part, file!, name);
                await SendAsync(what, multipart);
            }
        }
        return sent;
    }

    private static IEnumerable<(string What, string FileName, byte[] Bytes, string ContentType)> HostileFiles()
    {
        yield return ("a zero-byte file", "empty.pdf", [], "application/pdf");
        yield return ("a 21 MB file", "big.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n").Concat(new byte[21 * 1024 * 1024]).ToArray(), "application/pdf");
        yield return ("path traversal in the file name", "../../../../etc/cron.d/evil.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "application/pdf");
        yield return ("a PDF that is really HTML", "certificate.pdf", Encoding.UTF8.GetBytes($"<html><body><script>{Marker}pdf()</script></body></html>"), "application/pdf");
    }

    private async Task<int> AttackQueryAsync(PortalClient client, string action, IEnumerable<string> names, List<string> failures)
    {
        var list = names.Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        if (list.Count == 0) return 0;
        var sent = 0;
        var target = StripQuery(action, keepHandler: false);
        foreach (var hostile in Corpus.Where(h => h.Name != "overlong").Append(new Hostile("long", new string('x', 2000))))
        {
            var url = target + "?" + string.Join("&", list.Select(n => Uri.EscapeDataString(n) + "=" + hostile.Encoded));
            using var response = await client.Http.GetAsync(url, Ct);
            sent++;
            if ((int)response.StatusCode >= 500) failures.Add($"GET {target} with {hostile.Name} in {string.Join(", ", list)}: {(int)response.StatusCode}");
            else if (response.Content.Headers.ContentType?.MediaType == "text/html")
                failures.AddRange(PlantedScripts(await response.Content.ReadAsStringAsync(Ct)).Select(s => $"GET {target} with {hostile.Name} reflects {s}"));
        }
        return sent;
    }

    /// <summary>A path with its ids (GUIDs and numbers) and query replaced, so one page of each kind is visited.</summary>
    private static string Shape(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\\d+(?=/|$)", "{id}")
        + (path.Contains("handler=", StringComparison.Ordinal) ? "?" + path.Split('?')[1].Split('&').First(p => p.StartsWith("handler=", StringComparison.Ordinal)) : "");

    private static string ActionOf(IHtmlFormElement form, string page)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? page : action;
    }

    /// <summary>The path, keeping only a Razor Pages handler from the query (other parameters are the attack's).</summary>
    private static string StripQuery(string action, bool keepHandler)
    {
        var i = action.IndexOf('?');
        if (i < 0) return action;
        var handler = action[(i + 1)..].Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase));
        return keepHandler && handler is not null ? action[..i] + "?" + handler : action[..i];
    }

    private static List<string> FieldNames(IHtmlFormElement form) => Fields(form).Select(f => f.Name).Distinct().ToList();

    private static List<(string Name, string Value)> Fields(IHtmlFormElement form)
    {
        var fields = new List<(string, string)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) fields.Add((input.Name!, ""));
                    else fields.Add((input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement text when !string.IsNullOrEmpty(text.Name):
                    fields.Add((text.Name!, text.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add((select.Name!, select.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    private static readonly HtmlParser Parser = new();

    /// <summary>Scripts, event handlers and javascript: links that carry the corpus's marker.</summary>
    private static IEnumerable<string> PlantedScripts(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script").Where(s => s.TextContent.Contains(Marker, StringComparison.Ordinal)))
            yield return "<script>" + script.TextContent.Trim()[..Math.Min(80, script.TextContent.Trim().Length)];
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var handler = attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Contains(Marker, StringComparison.Ordinal);
                var link = attribute.Name is "href" or "src" or "action" or "formaction"
                           && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                           && attribute.Value.Contains(Marker, StringComparison.Ordinal);
                if (handler || link) yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
            }
        }
    }

    /// <summary>Every stored value, by table, column and row, as hashes (the whole SQLite database; it is small).</summary>
    private Dictionary<string, string> Fingerprint()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(_portal.ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            while (reader.Read())
            {
                var key = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                for (var c = 0; c < columns.Count; c++)
                {
                    if (MayChangeOnRefusal.Contains(table + "." + columns[c])) continue;
                    var value = reader.IsDBNull(c) ? "∅" : reader.GetValue(c) switch
                    {
                        byte[] bytes => Convert.ToHexString(SHA256.HashData(bytes)),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    result[$"{table}.{columns[c]} [{key}]"] = value;
                }
                rows.Add(key ?? "");
            }
            result[table + " rows"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Where(kv => !after.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => kv.Key)
            .Concat(after.Keys.Where(k => !before.ContainsKey(k)))
            .ToList();
}
