using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// A small browser over HttpClient: keeps cookies, does not follow redirects (tests look at them),
/// parses HTML and posts forms with their antiforgery token, like a person's browser would.
/// </summary>
public sealed class PortalClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public PortalClient(PortalFactory factory) : this(factory, factory.BaseAddress)
    {
    }

    /// <summary>A client of another server on the factory's database (a portal started as a process of its own).</summary>
    public PortalClient(PortalFactory factory, Uri baseAddress)
    {
        Portal = factory;
        Cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        if (factory.HttpsCertificate is { } certificate)
        {
            // Trust exactly the test's own self-signed certificate, nothing else.
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint;
        }
        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>The portal this client talks to (its clock and database, for sign-in codes).</summary>
    public PortalFactory Portal { get; }

    public CookieContainer Cookies { get; }
    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>GETs a page, following redirects, and parses it.</summary>
    public async Task<Page> GetPageAsync(string url)
    {
        var response = await FollowAsync(await _http.GetAsync(url));
        return await Page.ReadAsync(response);
    }

    /// <summary>Fills the page's form (the one whose action matches, or the first in main) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Page page, IDictionary<string, string> fields, string? formSelector = null, bool follow = false)
    {
        var form = (formSelector is null
                       ? page.Document.QuerySelector("main form[method=post]")
                       : page.Document.QuerySelector(formSelector)) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form ({formSelector ?? "main form[method=post]"}) on {page.Url}.\n{page.Text[..Math.Min(2000, page.Text.Length)]}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || fields.ContainsKey(input.Name)) continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type is "submit" or "button") continue;
            values.Add(new(input.Name, input.Value));
        }
        foreach (var textarea in form.Elements.OfType<IHtmlTextAreaElement>())
        {
            if (!string.IsNullOrEmpty(textarea.Name) && !fields.ContainsKey(textarea.Name)) values.Add(new(textarea.Name, textarea.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
        {
            if (!string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name) && select.Value is not null) values.Add(new(select.Name, select.Value));
        }
        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        var response = await _http.PostAsync(action, new FormUrlEncodedContent(values));
        return follow ? await FollowAsync(response) : response;
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException("Redirect without Location.");
            response = await _http.GetAsync(location);
        }
        return response;
    }

    public void Dispose() => _http.Dispose();

    public sealed record Page(string Url, HttpStatusCode Status, IHtmlDocument Document, string Html)
    {
        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The value an input, textarea or select with this id shows (what the user typed, kept after an error).</summary>
        public string? ValueOf(string id) => Document.GetElementById(id) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement text => text.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response.RequestMessage!.RequestUri!.PathAndQuery, response.StatusCode, Parser.ParseDocument(html), html);
        }
    }
}
