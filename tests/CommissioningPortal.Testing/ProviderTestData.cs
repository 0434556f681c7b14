using System.Text;
using AngleSharp.Html.Dom;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>Provider users made straight in the database, evidence files, and form posts the dictionary-based SubmitAsync cannot make.</summary>
public static class ProviderTestData
{
    public const string Password = "a long enough passphrase";

    /// <summary>A confirmed provider user; with <paramref name="kind"/>, also a provider (unverified) they belong to.</summary>
    public static async Task<(string Email, Guid? ProviderId)> CreateProviderUserAsync(this PortalFactory portal, ProviderKind? kind = null, string? name = null)
    {
        portal.EnsureStarted();
        var email = $"provider-{Guid.NewGuid():N}@test.example";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningPortal.Data.PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Guid? providerId = null;
        if (kind is { } k)
        {
            var provider = new Provider { Name = name ?? $"Test provider {Guid.NewGuid():N}"[..30], Kind = k, ContactEmail = email, CreatedAt = portal.Clock.GetUtcNow() };
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            providerId = provider.Id;
        }
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Provider", ProviderId = providerId, CreatedAt = portal.Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.ProviderUser);
        return (email, providerId);
    }

    /// <summary>A client signed in as a user made by <see cref="CreateProviderUserAsync"/>.</summary>
    public static async Task<PortalClient> SignedInProviderAsync(this PortalFactory portal, string email)
    {
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(email, Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>A small, valid one-page PDF saying <paramref name="text"/>.</summary>
    public static byte[] MinimalPdf(string text = "Evidence")
    {
        var content = $"BT /F1 18 Tf 72 720 Td ({text.Replace("(", "").Replace(")", "")}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) sb.Append($"{offset:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static string Token(PortalClient.Page page) =>
        (page.Document.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}");

    /// <summary>Posts a url-encoded form with repeated names (checkbox lists), with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this PortalClient client, PortalClient.Page page, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Token(page)));
        return client.Http.PostAsync(action ?? page.Url, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a multipart form like a browser with a file input: an empty file part when no file is chosen.</summary>
    public static Task<HttpResponseMessage> PostMultipartAsync(this PortalClient client, PortalClient.Page page, IEnumerable<(string Name, string Value)> fields,
        string fileField, string? fileName, byte[]? file, string fileContentType = "application/pdf")
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(Token(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(file ?? []);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file is null ? "application/octet-stream" : fileContentType);
        // As a browser sends it: filename="" when no file was chosen (Add(content, name, fileName) refuses an empty name).
        part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{fileField}\"", FileName = $"\"{fileName ?? ""}\"",
        };
        content.Add(part);
        return client.Http.PostAsync(page.Url, content);
    }
}
