using System.Globalization;
using System.Xml;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Opportunities.Commissioning;
using CommissioningPortal.Web.Features.ProviderOnboarding;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// Opportunities (issue 15): what authorities put to the market. The public list and pages, documents, the Atom
/// feed and OCDS; commissioners' use cases under <c>/authority/{authority}/opportunities</c> (each kind running its
/// process definition); providers following opportunities and saving searches, e-mailed through the outbox.
/// </summary>
public static class OpportunitiesFeature
{
    /// <summary>Configuration switch for the daily digest of saved searches (on unless set to false).</summary>
    public const string DigestEnabledKey = "Opportunities:DigestEnabled";

    public static WebApplicationBuilder AddOpportunitiesFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PublishedOpportunities>();
        services.Configure<OcdsOptions>(builder.Configuration.GetSection(OcdsOptions.Section));
        services.AddScoped<OpportunityFormReader>();
        services.AddScoped<OpportunityProcess>();
        services.AddScoped<OpportunityAlerts>();
        services.AddScoped<CreateOpportunityDraft>();
        services.AddScoped<EditOpportunityDraft>();
        services.AddScoped<AmendOpportunity>();
        services.AddScoped<ChangeOpportunityLots>();
        services.AddScoped<PublishOpportunity>();
        services.AddScoped<CloseOrCancelOpportunity>();
        services.AddScoped<OpportunityDocuments>();
        services.AddScoped<FollowOpportunity>();
        services.AddScoped<SaveSearch>();
        if (builder.Configuration.GetValue(DigestEnabledKey, true)) services.AddHostedService<OpportunityDigestService>();
        return builder
            .AddNavigation(new NavigationItem("/opportunities", "Opportunities", 25))
            .AddNavigation(new NavigationItem("/opportunities/alerts", "Opportunity alerts", 26) { Policy = Policies.ProviderUser });
    }

    public static WebApplication MapOpportunitiesFeature(this WebApplication app)
    {
        app.MapGet("/opportunities/{id:guid}/documents/{documentId:guid}", DownloadAsync).AllowAnonymous();
        app.MapGet("/opportunities.atom", AtomAsync).AllowAnonymous();
        app.MapOcds();
        return app;
    }

    /// <summary>A document of an opportunity that has been published (never a draft's), under a safe name with its real type's extension.</summary>
    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, PortalDbContext db, IEvidenceStore store, CancellationToken ct)
    {
        var document = await db.OpportunityDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.OpportunityId == id && db.Opportunities.Any(o => o.Id == id && o.Status != OpportunityStatus.Draft))
            .FirstOrDefaultAsync(ct);
        if (document is null || store.Open(document.Location) is not { } stream) return Results.NotFound();
        return Results.File(stream, document.ContentType, EvidenceFile.DownloadName(document.FileName, OpportunityDocuments.Extension(document.ContentType), "document"));
    }

    /// <summary>The 50 most recently published opportunities as an Atom feed (RFC 4287).</summary>
    private static async Task AtomAsync(HttpContext http, PortalDbContext db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var latest = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published)
            .OrderByDescending(o => o.PublishedAt).Take(50)
            .Join(db.Authorities, o => o.AuthorityId, a => a.Id, (o, a) => new { o.Id, o.Title, o.Summary, o.Kind, o.PublishedAt, o.SubmissionDeadline, Authority = a.Name, Changed = o.Changes.Max(c => (DateTimeOffset?)c.At) })
            .ToListAsync(ct);
        static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        const string ns = "http://www.w3.org/2005/Atom";
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "feed", ns);
        await writer.WriteElementStringAsync(null, "title", ns, "Opportunities: social care and support in Scotland");
        await writer.WriteElementStringAsync(null, "id", ns, links.To("/opportunities.atom"));
        await writer.WriteElementStringAsync(null, "updated", ns, Stamp(latest.Select(o => o.Changed ?? o.PublishedAt).Max() ?? clock.GetUtcNow()));
        await writer.WriteStartElementAsync(null, "link", ns);
        await writer.WriteAttributeStringAsync(null, "rel", null, "self");
        await writer.WriteAttributeStringAsync(null, "href", null, links.To("/opportunities.atom"));
        await writer.WriteEndElementAsync();
        await writer.WriteStartElementAsync(null, "author", ns);
        await writer.WriteElementStringAsync(null, "name", ns, "Commissioning Portal");
        await writer.WriteEndElementAsync();
        foreach (var o in latest)
        {
            await writer.WriteStartElementAsync(null, "entry", ns);
            await writer.WriteElementStringAsync(null, "title", ns, o.Title);
            await writer.WriteElementStringAsync(null, "id", ns, $"urn:uuid:{o.Id}");
            await writer.WriteStartElementAsync(null, "link", ns);
            await writer.WriteAttributeStringAsync(null, "href", null, links.To($"/opportunities/{o.Id}"));
            await writer.WriteEndElementAsync();
            await writer.WriteElementStringAsync(null, "published", ns, Stamp(o.PublishedAt!.Value));
            await writer.WriteElementStringAsync(null, "updated", ns, Stamp(o.Changed ?? o.PublishedAt!.Value));
            await writer.WriteStartElementAsync(null, "author", ns);
            await writer.WriteElementStringAsync(null, "name", ns, o.Authority);
            await writer.WriteEndElementAsync();
            await writer.WriteStartElementAsync(null, "category", ns);
            await writer.WriteAttributeStringAsync(null, "term", null, o.Kind.ToString());
            await writer.WriteAttributeStringAsync(null, "label", null, OpportunityNames.Kind(o.Kind));
            await writer.WriteEndElementAsync();
            await writer.WriteElementStringAsync(null, "summary", ns, $"{o.Summary} Submission deadline: {UkTime.Words(o.SubmissionDeadline)} (UK time).");
            await writer.WriteEndElementAsync();
        }
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }
}
