using System.Globalization;
using System.Text.Json;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>"Ocds" section: the ocid prefix registered with the Open Contracting Partnership, and the publisher's name.</summary>
public sealed class OcdsOptions
{
    public const string Section = "Ocds";

    /// <summary>Prefixed to each opportunity's id to make its ocid (e.g. "ocds-abc123-" + id).</summary>
    public string OcidPrefix { get; set; } = "ocds-scsds1";

    public string PublisherName { get; set; } = "Commissioning Portal (Scottish Self-directed Support)";

    public string License { get; set; } = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
}

/// <summary>
/// OCDS 1.1 open data about opportunities: <c>/api/ocds/releases</c> (release packages, paged, <c>since=</c>),
/// <c>/api/ocds/records/{ocid}</c> and <c>/api/ocds/releases/bulk</c> (every release in one package, written as it
/// is read, so memory does not grow with the number of releases). Each line of an opportunity's change log is a
/// release: publication (<c>planning</c> for market engagement, <c>tender</c> otherwise), amendments
/// (<c>tenderAmendment</c>, <c>planningUpdate</c>), documents and closing (<c>tenderUpdate</c>), cancellation
/// (<c>tenderCancellation</c>), the award decision (<c>award</c>), its standstill ending (<c>awardUpdate</c>) and the contract
/// (<c>contract</c>, issue 16). The authority is the buyer in <c>parties</c>, the awarded provider a supplier. No natural person ever appears: not who
/// made a change, and individual packages (one person's support) are left out altogether.
/// </summary>
public static class OcdsApi
{
    public const string Prefix = "/api/ocds";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int BulkBatch = 200;
    private const string ContentType = "application/json; charset=utf-8";

    public static WebApplication MapOcds(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireCors(OpenReferral.OpenReferralApi.CorsPolicy).AllowAnonymous();
        api.MapGet("/releases", ReleasesAsync);
        api.MapGet("/releases/bulk", BulkAsync);
        api.MapGet("/records/{ocid}", RecordAsync);
        return app;
    }

    /// <summary>Empty is "not given"; otherwise an ASCII whole number that fits an int.</summary>
    private static bool TryWhole(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        value = n;
        return true;
    }

    /// <summary>Opportunities that are in the open data: published once, and not one person's package.</summary>
    private static IQueryable<Opportunity> Public(PortalDbContext db) =>
        db.Opportunities.AsNoTracking().Where(o => o.PublishedAt != null && o.Kind != OpportunityKind.IndividualPackage);

    private static async Task<IResult> ReleasesAsync(HttpContext http, PortalDbContext db, IOptions<OcdsOptions> options, TimeProvider clock,
        string? since, string? page, string? pageSize, CancellationToken ct)
    {
        // Read as text: a page that is not a number is the caller's mistake (400 naming it), not a binding failure (500).
        if (!TryWhole(page, out var pageNumber)) return Results.Problem(statusCode: 400, title: "page must be a whole number from 1, like 2.");
        if (!TryWhole(pageSize, out var pageSizeNumber)) return Results.Problem(statusCode: 400, title: $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                return Results.Problem(statusCode: 400, title: "since must be a date or date-time, like 2026-12-01 or 2026-12-01T09:00:00Z.");
            from = s.ToUniversalTime();
        }
        var size = Math.Clamp(pageSizeNumber ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Clamp(pageNumber ?? 1, 1, int.MaxValue / MaxPageSize);
        var changes = db.OpportunityChanges.AsNoTracking().Where(c => Public(db).Any(o => o.Id == c.OpportunityId));
        if (from is { } f) changes = changes.Where(c => c.At >= f);
        var pageOfChanges = await changes.OrderBy(c => c.At).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size + 1).ToListAsync(ct);
        var hasNext = pageOfChanges.Count > size;
        pageOfChanges = pageOfChanges.Take(size).ToList();
        var ids = pageOfChanges.Select(c => c.OpportunityId).Distinct().ToList();
        var context = await ContextAsync(db, ids, ct);
        var awards = await AwardsAsync(db, ids, ct);
        var origins = await PartnershipOriginsAsync(db, ids, ct);

        var self = $"{Base(http)}{Prefix}/releases?{(since is null ? "" : $"since={Uri.EscapeDataString(since)}&")}page={number}&pageSize={size}";
        string? next = hasNext ? $"{Base(http)}{Prefix}/releases?{(since is null ? "" : $"since={Uri.EscapeDataString(since)}&")}page={number + 1}&pageSize={size}" : null;
        if (next is not null) http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        http.Response.ContentType = ContentType;
        await using var writer = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Indented = false });
        WritePackageStart(writer, self, options.Value, pageOfChanges.Count == 0 ? clock.GetUtcNow() : pageOfChanges.Max(c => c.At));
        foreach (var change in pageOfChanges)
        {
            var (o, authority, names) = context[change.OpportunityId];
            WriteRelease(writer, o, change, authority, names, options.Value, Base(http), awardData: awards.GetValueOrDefault(o.Id), planningRationale: origins.GetValueOrDefault(o.Id));
        }
        writer.WriteEndArray();
        if (next is not null)
        {
            writer.WriteStartObject("links");
            writer.WriteString("next", next);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        return Results.Empty;
    }

    /// <summary>Every release, in batches of opportunities read and written in turn; flushed after each batch.</summary>
    private static async Task<IResult> BulkAsync(HttpContext http, PortalDbContext db, IOptions<OcdsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = "attachment; filename=\"ocds-releases.json\"";
        var cpv = await CpvNamesAsync(db, ct);
        var authorities = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        WritePackageStart(writer, $"{Base(http)}{Prefix}/releases/bulk", options.Value, clock.GetUtcNow());
        for (var skip = 0; ; skip += BulkBatch)
        {
            var batch = await Public(db).OrderBy(o => o.PublishedAt).ThenBy(o => o.Id).Skip(skip).Take(BulkBatch)
                .AsSplitQuery().Include(o => o.Lots).Include(o => o.Documents).Include(o => o.Changes).ToListAsync(ct);
            if (batch.Count == 0) break;
            var awards = await AwardsAsync(db, batch.Select(o => o.Id).ToList(), ct);
            var origins = await PartnershipOriginsAsync(db, batch.Select(o => o.Id).ToList(), ct);
            foreach (var o in batch)
            {
                foreach (var change in o.Changes.OrderBy(c => c.At).ThenBy(c => c.Id))
                    WriteRelease(writer, o, change, authorities[o.AuthorityId], cpv, options.Value, Base(http), awardData: awards.GetValueOrDefault(o.Id),
                        planningRationale: origins.GetValueOrDefault(o.Id));
            }
            await writer.FlushAsync(ct);
            db.ChangeTracker.Clear();
            if (batch.Count < BulkBatch) break;
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        return Results.Empty;
    }

    private static async Task<IResult> RecordAsync(HttpContext http, PortalDbContext db, IOptions<OcdsOptions> options, string ocid, CancellationToken ct)
    {
        var prefix = options.Value.OcidPrefix + "-";
        if (!ocid.StartsWith(prefix, StringComparison.Ordinal) || !Guid.TryParse(ocid[prefix.Length..], out var id))
            return Results.Problem(statusCode: 404, title: $"No contracting process has the ocid {ocid}.");
        var context = await ContextAsync(db, [id], ct);
        if (!context.TryGetValue(id, out var found)) return Results.Problem(statusCode: 404, title: $"No contracting process has the ocid {ocid}.");
        var (o, authority, names) = found;
        var award = (await AwardsAsync(db, [id], ct)).GetValueOrDefault(id);
        var origin = (await PartnershipOriginsAsync(db, [id], ct)).GetValueOrDefault(id);
        var baseUrl = Base(http);
        http.Response.ContentType = ContentType;
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("uri", $"{baseUrl}{Prefix}/records/{ocid}");
        writer.WriteString("version", "1.1");
        writer.WriteString("publishedDate", Date(o.Changes.Max(c => c.At)));
        WritePublisher(writer, options.Value);
        writer.WriteStartArray("records");
        writer.WriteStartObject();
        writer.WriteString("ocid", Ocid(options.Value, o));
        writer.WriteStartArray("releases");
        var ordered = o.Changes.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        foreach (var change in ordered) WriteRelease(writer, o, change, authority, names, options.Value, baseUrl, awardData: award, planningRationale: origin);
        writer.WriteEndArray();
        writer.WritePropertyName("compiledRelease");
        WriteRelease(writer, o, ordered[^1], authority, names, options.Value, baseUrl, compiled: true, awardData: award, planningRationale: origin);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        return Results.Empty;
    }

    private static async Task<Dictionary<Guid, (Opportunity, Authority, IReadOnlyDictionary<string, string>)>> ContextAsync(PortalDbContext db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var opportunities = await Public(db).Where(o => ids.Contains(o.Id)).AsSplitQuery().Include(o => o.Lots).Include(o => o.Documents).Include(o => o.Changes).ToListAsync(ct);
        var authorityIds = opportunities.Select(o => o.AuthorityId).Distinct().ToList();
        var authorities = await db.Authorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var cpv = await CpvNamesAsync(db, ct);
        return opportunities.ToDictionary(o => o.Id, o => (o, authorities[o.AuthorityId], cpv));
    }

    private static async Task<IReadOnlyDictionary<string, string>> CpvNamesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.Cpv).Select(t => new { t.Code, t.Label }).ToListAsync(ct))
        .ToDictionary(t => t.Code.Split('-')[0], t => t.Label);

    /// <summary>
    /// An opportunity's award as the open data shows it (issue 16): the supplier (a Personal Assistant, a natural person, is never
    /// named), when it was decided, and the contract once the standstill has ended.
    /// </summary>
    public sealed record AwardData(Guid EvaluationId, Guid SupplierId, string SupplierName, DateTimeOffset DecidedAt, DateTimeOffset StandstillEndsAt,
        long? ValuePence, Domain.Evaluations.ContractRecord? Contract);

    private static async Task<Dictionary<Guid, AwardData>> AwardsAsync(PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from e in db.Evaluations.AsNoTracking()
                          join r in db.TenderResponses on e.WinnerResponseId equals r.Id
                          join p in db.Providers on r.ProviderId equals p.Id
                          where ids.Contains(e.OpportunityId) && e.AwardDecidedAt != null
                          select new { e.OpportunityId, e.Id, p.Name, ProviderId = p.Id, p.Kind, e.AwardDecidedAt, e.StandstillEndsAt }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var values = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.EstimatedValuePence }).ToDictionaryAsync(o => o.Id, o => o.EstimatedValuePence, ct);
        var contracts = await db.ContractRecords.AsNoTracking().Where(c => ids.Contains(c.OpportunityId)).ToDictionaryAsync(c => c.OpportunityId, ct);
        return rows.ToDictionary(r => r.OpportunityId, r => new AwardData(r.Id, r.ProviderId,
            r.Kind == ProviderKind.PersonalAssistant ? "A self-employed Personal Assistant" : r.Name, r.AwardDecidedAt!.Value, r.StandstillEndsAt!.Value,
            values.GetValueOrDefault(r.OpportunityId), contracts.GetValueOrDefault(r.OpportunityId)));
    }

    /// <summary>
    /// For a procurement a Public Social Partnership drafted in its stage 3 (issue 19): the planning rationale, which
    /// names the partnership and where its pilot evidence is (the evidence pack attached to the tender).
    /// </summary>
    private static async Task<Dictionary<Guid, string>> PartnershipOriginsAsync(PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Partnerships.AsNoTracking().Where(p => p.ProcurementOpportunityId != null && ids.Contains(p.ProcurementOpportunityId.Value))
            .Select(p => new { Id = p.ProcurementOpportunityId!.Value, p.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r =>
            $"Procured for sustainability after the {r.Name} Public Social Partnership co-designed and piloted the service. " +
            "The pilot's outcome measures over time, unit costs and the feedback of people who used it are in the evidence pack attached to the tender.");
    }

    public static string Ocid(OcdsOptions options, Opportunity o) => $"{options.OcidPrefix}-{o.Id}";

    private static string Base(HttpContext http) => http.RequestServices.GetRequiredService<PublicLinks>().BaseUrl;

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void WritePackageStart(Utf8JsonWriter w, string uri, OcdsOptions options, DateTimeOffset published)
    {
        w.WriteStartObject();
        w.WriteString("uri", uri);
        w.WriteString("version", "1.1");
        w.WriteString("publishedDate", Date(published));
        WritePublisher(w, options);
        w.WriteString("license", options.License);
        w.WriteStartArray("extensions");
        w.WriteStringValue("https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json");
        w.WriteStringValue("https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json");
        w.WriteEndArray();
        w.WriteStartArray("releases");
    }

    private static void WritePublisher(Utf8JsonWriter w, OcdsOptions options)
    {
        w.WriteStartObject("publisher");
        w.WriteString("name", options.PublisherName);
        w.WriteEndObject();
    }

    /// <summary>The release tag of a change-log line.</summary>
    public static string Tag(Opportunity o, OpportunityChange change) => (change.Kind, o.Kind == OpportunityKind.MarketEngagement) switch
    {
        (OpportunityChangeKind.Published, true) => "planning",
        (OpportunityChangeKind.Published, false) => "tender",
        (OpportunityChangeKind.Amended, true) => "planningUpdate",
        (OpportunityChangeKind.Amended, false) => "tenderAmendment",
        (OpportunityChangeKind.Cancelled, _) => "tenderCancellation",
        (OpportunityChangeKind.AwardDecided, _) => "award",
        (OpportunityChangeKind.AwardUpdated, _) => "awardUpdate",
        (OpportunityChangeKind.ContractAwarded, _) => "contract",
        _ => "tenderUpdate",
    };

    private static string Method(OpportunityKind kind) => kind switch
    {
        OpportunityKind.OpenTender or OpportunityKind.FlexibleFramework or OpportunityKind.MarketEngagement => "open",
        OpportunityKind.IndividualPackage => "limited",
        _ => "selective",
    };

    /// <summary>
    /// One release: the opportunity as it stands, tagged for the change. What it carries is the authority's
    /// (never who typed it), so no natural person is published.
    /// </summary>
    private static void WriteRelease(Utf8JsonWriter w, Opportunity o, OpportunityChange change, Authority authority, IReadOnlyDictionary<string, string> cpv,
        OcdsOptions options, string baseUrl, bool compiled = false, AwardData? awardData = null, string? planningRationale = null)
    {
        // The award as it stood at this release: none before the decision; pending in the standstill; active once it has ended.
        var awarded = awardData is not null && (compiled || o.Changes.Any(c => c.Kind == OpportunityChangeKind.AwardDecided && c.At <= change.At)) ? awardData : null;
        var activeAt = o.Changes.Where(c => c.Kind == OpportunityChangeKind.AwardUpdated).Select(c => (DateTimeOffset?)c.At).Min();
        var awardActive = activeAt is { } active && (compiled || active <= change.At);
        var contractAt = o.Changes.Where(c => c.Kind == OpportunityChangeKind.ContractAwarded).Select(c => (DateTimeOffset?)c.At).Min();
        var contract = awarded?.Contract is { } cr && contractAt is { } ca && (compiled || ca <= change.At) ? cr : null;
        var ocid = Ocid(options, o);
        var partyId = $"authority-{authority.Code}";
        w.WriteStartObject();
        w.WriteString("ocid", ocid);
        w.WriteString("id", compiled ? $"{ocid}-compiled" : $"{ocid}-{change.Id:N}");
        w.WriteString("date", Date(change.At));
        w.WriteStartArray("tag");
        w.WriteStringValue(compiled ? "compiled" : Tag(o, change));
        w.WriteEndArray();
        w.WriteString("initiationType", "tender");
        w.WriteString("language", "en");

        w.WriteStartArray("parties");
        w.WriteStartObject();
        w.WriteString("id", partyId);
        w.WriteString("name", authority.Name);
        w.WriteStartArray("roles");
        w.WriteStringValue("buyer");
        w.WriteStringValue("procuringEntity");
        w.WriteEndArray();
        if (authority.ContactEmail is { Length: > 0 } email)
        {
            w.WriteStartObject("contactPoint");
            w.WriteString("name", authority.Name);
            w.WriteString("email", email);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (awarded is not null)
        {
            w.WriteStartObject();
            w.WriteString("id", $"provider-{awarded.SupplierId}");
            w.WriteString("name", awarded.SupplierName);
            w.WriteStartArray("roles");
            w.WriteStringValue("supplier");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("buyer");
        w.WriteString("id", partyId);
        w.WriteString("name", authority.Name);
        w.WriteEndObject();

        if (o.Kind == OpportunityKind.MarketEngagement || planningRationale is not null)
        {
            w.WriteStartObject("planning");
            w.WriteString("rationale", planningRationale ?? "Pre-contract market engagement, to hear from providers and people who use support before deciding what to buy and how.");
            w.WriteEndObject();
        }

        w.WriteStartObject("tender");
        w.WriteString("id", o.Id.ToString());
        w.WriteString("title", o.Title);
        w.WriteString("description", o.Summary);
        w.WriteString("status", o.Status switch
        {
            OpportunityStatus.Cancelled => "cancelled",
            OpportunityStatus.Closed => "complete",
            _ when o.Kind == OpportunityKind.MarketEngagement => "planning",
            _ => "active",
        });
        w.WriteStartObject("procuringEntity");
        w.WriteString("id", partyId);
        w.WriteString("name", authority.Name);
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach (var code in o.CpvCodes)
        {
            w.WriteStartObject();
            w.WriteString("id", code);
            w.WriteString("description", cpv.TryGetValue(code, out var label) ? label : code);
            w.WriteStartObject("classification");
            w.WriteString("scheme", "CPV");
            w.WriteString("id", code);
            if (label is not null) w.WriteString("description", label);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (o.EstimatedValuePence is { } pence) WriteValue(w, "value", pence);
        if (o.Kind == OpportunityKind.FlexibleFramework)
        {
            // A flexible framework round: the framework agreement that call-offs are made under (issue 16 part 7).
            w.WriteStartObject("techniques");
            w.WriteBoolean("hasFrameworkAgreement", true);
            w.WriteEndObject();
        }
        w.WriteString("procurementMethod", Method(o.Kind));
        w.WriteString("procurementMethodDetails", OpportunityNames.Kind(o.Kind));
        if (o.ProcedureNote is { } note) w.WriteString("procurementMethodRationale", note);
        w.WriteString("mainProcurementCategory", "services");
        w.WriteString("awardCriteria", "ratedCriteria");
        w.WriteString("awardCriteriaDetails", $"Quality {o.QualityWeight}%, price {o.PriceWeight}%, fair work {o.FairWorkWeight}%.");
        w.WriteStartArray("submissionMethod");
        w.WriteStringValue("electronicSubmission");
        w.WriteEndArray();
        WritePeriod(w, "tenderPeriod", o.PublicationAt, o.SubmissionDeadline);
        if (o.ClarificationDeadline is { } clarification)
        {
            WritePeriod(w, "enquiryPeriod", o.PublicationAt, clarification);
            w.WriteBoolean("hasEnquiries", false);
        }
        if (o.ExpectedAwardOn is { } award)
        {
            w.WriteStartObject("awardPeriod");
            w.WriteString("startDate", Day(award));
            w.WriteEndObject();
        }
        if (o.ContractStartOn is not null || o.DurationMonths is not null)
        {
            w.WriteStartObject("contractPeriod");
            if (o.ContractStartOn is { } start)
            {
                w.WriteString("startDate", Day(start));
                if (o.DurationMonths is { } m) w.WriteString("endDate", Day(start.AddMonths(m).AddDays(-1)));
            }
            if (o.DurationMonths is { } months) w.WriteNumber("durationInDays", (int)Math.Round(months * 30.4375));
            w.WriteEndObject();
        }
        w.WriteStartArray("documents");
        w.WriteStartObject();
        w.WriteString("id", "notice");
        w.WriteString("documentType", o.Kind == OpportunityKind.MarketEngagement ? "marketStudies" : "tenderNotice");
        w.WriteString("title", o.Title);
        w.WriteString("url", $"{baseUrl}/opportunities/{o.Id}");
        w.WriteString("format", "text/html");
        if (o.PublishedAt is { } published) w.WriteString("datePublished", Date(published));
        w.WriteEndObject();
        foreach (var d in o.Documents.OrderBy(d => d.UploadedAt))
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id.ToString());
            w.WriteString("documentType", "biddingDocuments");
            w.WriteString("title", d.Title);
            w.WriteString("url", $"{baseUrl}/opportunities/{o.Id}/documents/{d.Id}");
            w.WriteString("format", d.ContentType);
            w.WriteString("datePublished", Date(d.UploadedAt));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var amendments = o.Changes.Where(c => c.Kind == OpportunityChangeKind.Amended && (compiled || c.At <= change.At)).OrderBy(c => c.At).ToList();
        if (amendments.Count > 0)
        {
            w.WriteStartArray("amendments");
            foreach (var a in amendments)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id.ToString("N"));
                w.WriteString("date", Date(a.At));
                w.WriteString("rationale", a.What);
                w.WriteString("releaseID", $"{ocid}-{a.Id:N}");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (o.Lots.Count > 0)
        {
            w.WriteStartArray("lots");
            foreach (var lot in o.Lots.OrderBy(l => l.Number))
            {
                w.WriteStartObject();
                w.WriteString("id", lot.Number.ToString(CultureInfo.InvariantCulture));
                w.WriteString("title", lot.Title);
                if (lot.Description is { } d) w.WriteString("description", d);
                if (lot.ValuePence is { } v) WriteValue(w, "value", v);
                w.WriteString("status", o.Status == OpportunityStatus.Cancelled ? "cancelled" : o.Status == OpportunityStatus.Closed ? "complete" : "active");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject(); // tender
        if (awarded is not null)
        {
            w.WriteStartArray("awards");
            w.WriteStartObject();
            w.WriteString("id", awarded.EvaluationId.ToString("N"));
            w.WriteString("title", $"Award: {o.Title}");
            w.WriteString("status", awardActive ? "active" : "pending");
            w.WriteString("date", Date(awarded.DecidedAt));
            if (awarded.ValuePence is { } v) WriteValue(w, "value", v);
            w.WriteStartArray("suppliers");
            w.WriteStartObject();
            w.WriteString("id", $"provider-{awarded.SupplierId}");
            w.WriteString("name", awarded.SupplierName);
            w.WriteEndObject();
            w.WriteEndArray();
            if (o.ContractStartOn is { } from)
            {
                w.WriteStartObject("contractPeriod");
                w.WriteString("startDate", Day(from));
                if (o.DurationMonths is { } m) w.WriteString("endDate", Day(from.AddMonths(m).AddDays(-1)));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (contract is not null)
        {
            w.WriteStartArray("contracts");
            w.WriteStartObject();
            w.WriteString("id", contract.Id.ToString("N"));
            w.WriteString("awardID", awarded!.EvaluationId.ToString("N"));
            w.WriteString("title", contract.Title);
            w.WriteString("status", "active");
            w.WriteString("dateSigned", Date(contract.AwardedAt));
            if (contract.ValuePence is { } cv) WriteValue(w, "value", cv);
            if (contract.StartOn is { } cs)
            {
                w.WriteStartObject("period");
                w.WriteString("startDate", Day(cs));
                if (contract.EndOn is { } ce) w.WriteString("endDate", Day(ce));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject(); // release
    }

    private static void WriteValue(Utf8JsonWriter w, string name, long pence)
    {
        w.WriteStartObject(name);
        w.WriteNumber("amount", pence / 100m);
        w.WriteString("currency", "GBP");
        w.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter w, string name, DateTimeOffset? start, DateTimeOffset? end)
    {
        w.WriteStartObject(name);
        if (start is { } s) w.WriteString("startDate", Date(s));
        if (end is { } e) w.WriteString("endDate", Date(e));
        w.WriteEndObject();
    }
}
