using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.OpenReferral;

/// <summary>
/// Open Referral UK / HSDS 3.0: the directory as open data. Read-only, no sign-in, any origin
/// may call it. Verified listings only. Personal Assistants are natural people, so neither their
/// home address nor their phone, e-mail or registration numbers are ever in it: no address is
/// published for anyone, and a service's locations are the localities it covers (ADR 0011).
/// </summary>
public static partial class OpenReferralApi
{
    public const string CorsPolicy = "open-data";
    public const string Prefix = "/api/openreferral";

    /// <summary>The OpenAPI document's name; it is served at <c>/api/{name}/openapi.json</c>.</summary>
    public const string DocumentName = "openreferral";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public const string Fees = "Rates are what the provider charges; under Self-directed Support your council agrees the budget with you.";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void AddOpenReferral(this IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD", "OPTIONS").AllowAnyHeader()));
        services.AddOpenReferralDescription();
    }

    public static void MapOpenReferral(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireCors(CorsPolicy).AllowAnonymous().WithGroupName(DocumentName);
        api.MapGet("/", Root).WithName("getAPIMetaInformation")
            .WithSummary("This API: its HSDS version, its profile and where its OpenAPI description is.").Produces<HsdsApiInfo>();
        api.MapGet("/services", ServicesAsync).WithName("getPaginatedListOfServices")
            .WithSummary("Services of verified providers, a page at a time.").Lists<HsdsServiceSummary>();
        api.MapGet("/services/{id}", ServiceAsync).WithName("getFullyNestedServiceById")
            .WithSummary("One service with everything about it.").One<HsdsService>();
        api.MapGet("/service_at_locations", ServiceAtLocationsAsync).WithName("getPaginatedListOfServiceAtLocation")
            .WithSummary("Each service in each locality it covers, a page at a time; by postcode, nearest first with proximity.").Lists<HsdsServiceAtLocationSummary>();
        api.MapGet("/service_at_locations/{id}", ServiceAtLocationAsync).WithName("getServiceAtLocationWithNestedDataById")
            .WithSummary("One service in one locality, with the whole service.").One<HsdsServiceAtLocation>();
        api.MapGet("/organizations", OrganizationsAsync).WithName("getPaginatedListOfOrganizations")
            .WithSummary("Verified providers, a page at a time.").Lists<HsdsOrganizationSummary>();
        api.MapGet("/organizations/{id}", OrganizationAsync).WithName("getOrganizationById")
            .WithSummary("One provider with its kind and its services.").One<HsdsOrganization>();
        api.MapGet("/taxonomies", TaxonomiesAsync).WithName("getPaginatedListOfTaxonomies").CacheOutput(ScaleOut.ReferenceDataCachePolicy)
            .WithSummary("The taxonomies services are described by, a page at a time.").Lists<HsdsTaxonomy>();
        api.MapGet("/taxonomies/{id}", TaxonomyAsync).WithName("getTaxonomyById").CacheOutput(ScaleOut.ReferenceDataCachePolicy)
            .WithSummary("One taxonomy with its terms.").One<HsdsTaxonomy>();
        api.MapGet("/taxonomy_terms", TaxonomyTermsAsync).WithName("getPaginatedListOfTaxonomyTerms").CacheOutput(ScaleOut.ReferenceDataCachePolicy)
            .WithSummary("The terms of every taxonomy, a page at a time.").Lists<HsdsTaxonomyTerm>();
        api.MapGet("/taxonomy_terms/{id}", TaxonomyTermAsync).WithName("getTaxonomyTermById").CacheOutput(ScaleOut.ReferenceDataCachePolicy)
            .WithSummary("One taxonomy term.").One<HsdsTaxonomyTerm>();
        app.MapOpenReferralDescription();
    }

    private static RouteHandlerBuilder Lists<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<HsdsPage<T>>().ProducesValidationProblem();

    private static RouteHandlerBuilder One<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>().ProducesProblem(StatusCodes.Status404NotFound);

    private static IResult Root(HttpContext http) => Json(new HsdsApiInfo("3.0", "https://openreferraluk.org/", $"{FeedUrl(http)}/openapi.json"));

    // --- Services --------------------------------------------------------------------------------------

    private static async Task<IResult> ServicesAsync(HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null, string? taxonomy_term_id = null, string? taxonomy_id = null,
        string? organization_id = null, string? modified_after = null)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Parse(page, per_page, errors);
        var filter = ServiceFilter.Parse(search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        var services = filter.Apply(db, taxonomies, Today(clock));
        var total = await services.CountAsync(ct);
        var ids = await services.OrderBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).Select(s => s.Id).ToListAsync(ct);
        var summaries = await SummariesAsync(http, db, ids, ct);
        return Json(paging.Page(ids.Select(id => summaries[id]).ToList(), total));
    }

    private static async Task<IResult> ServiceAsync(string id, HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct)
    {
        var service = Guid.TryParse(id, out var serviceId) ? await ServiceDetailAsync(http, db, directory, serviceId, Today(clock), ct) : null;
        return service is null ? NotFound("service", id) : Json(service);
    }

    /// <summary>A verified service with everything about it, or null.</summary>
    private static async Task<HsdsService?> ServiceDetailAsync(HttpContext http, PortalDbContext db, DirectorySearch directory, Guid serviceId, DateOnly today, CancellationToken ct)
    {
        var service = await VerifiedServices(db, today).Include(s => s.Areas).Include(s => s.Rates).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return null;
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == service.ProviderId, ct);
        var reference = await directory.ReferenceAsync(ct);
        var taxonomies = HsdsTaxonomies.Build(reference, FeedUrl(http));
        var areas = service.Areas.Select(a => (Area: a, Place: Place(a, reference))).OrderBy(x => x.Place.Authority?.Name).ThenBy(x => x.Place.Locality?.Name).ToList();
        string[] tags =
        [
            .. service.ClientGroups.Select(ServiceTag.ForClientGroup), .. service.SupportTypes.Select(ServiceTag.ForSupportType),
            .. service.Languages.Select(ServiceTag.ForLanguage), ServiceTag.ForKind(provider.Kind),
        ];
        return new HsdsService(Summary(http, service.Id, service.Name, service.Description, service.UpdatedAt, provider.Id, provider.Kind, provider.ContactEmail), Organization(http, provider, taxonomies))
        {
            ServiceAreas = areas.Select(x => ServiceArea(x.Area, x.Place)).ToList(),
            ServiceAtLocations = areas.Select(x => new HsdsServiceAtLocationSummary { Id = x.Area.Id, ServiceId = service.Id, LocationId = x.Area.LocalityId, Location = Location(x.Area, x.Place) }).ToList(),
            CostOptions = service.Rates.Where(r => r.EffectiveTo is null || r.EffectiveTo >= today).OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Unit).Select(r => new HsdsCostOption(
                r.Id, service.Id, Date(r.EffectiveFrom), r.EffectiveTo is { } to ? Date(to) : null, ServiceRate.UnitDisplayName(r.Unit), (double)r.Amount, r.Text)).ToList(),
            Attributes = taxonomies.AttributesOf(service.Id, tags),
        };
    }

    // --- Services in their localities ------------------------------------------------------------------

    private static async Task<IResult> ServiceAtLocationsAsync(HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null, string? taxonomy_term_id = null, string? taxonomy_id = null,
        string? organization_id = null, string? modified_after = null, string? postcode = null, string? proximity = null)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Parse(page, per_page, errors);
        var filter = ServiceFilter.Parse(search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, errors);
        string? district = null;
        if (!string.IsNullOrWhiteSpace(postcode))
        {
            district = Geography.DistrictOf(postcode);
            if (district is null) errors["postcode"] = [$"postcode must be a UK postcode, like PH22 1QX, or its first half, like PH22 (you gave \"{postcode}\")."];
        }
        double? radius = null;
        if (!string.IsNullOrWhiteSpace(proximity))
        {
            if (!double.TryParse(proximity, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) || !double.IsFinite(metres) || metres <= 0)
                errors["proximity"] = [$"proximity must be a distance in metres, more than 0, like 10000 (you gave \"{proximity}\")."];
            else if (string.IsNullOrWhiteSpace(postcode))
                errors["proximity"] = ["proximity needs a postcode to measure from: add postcode, like postcode=PH22 1QX."];
            else radius = metres;
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var reference = await directory.ReferenceAsync(ct);
        var taxonomies = HsdsTaxonomies.Build(reference, FeedUrl(http));
        var services = filter.Apply(db, taxonomies, Today(clock));
        var areas = db.ServiceAreas.AsNoTracking().Where(a => services.Select(s => s.Id).Contains(a.ServiceId));
        var localities = reference.Areas.SelectMany(x => x.Localities).ToList();
        var origin = district is null ? null : Geography.PointOf(district, localities);

        // With a postcode, results come locality by locality: those the postcode is in, or (with
        // proximity) those whose centre is within reach, nearest first.
        IReadOnlyList<Guid>? order = null;
        if (radius is { } reach)
        {
            order = origin is not { } from
                ? []
                : localities.Where(l => l.HasCentre).Select(l => (l.Id, Metres: Geography.Metres(from, (l.Latitude!.Value, l.Longitude!.Value))))
                    .Where(x => x.Metres <= reach).OrderBy(x => x.Metres).ThenBy(x => x.Id).Select(x => x.Id).ToList();
        }
        else if (district is not null)
        {
            order = localities.Where(l => l.Covers(district)).Select(l => l.Id).Order().ToList();
        }

        int total;
        var rows = new List<ServiceArea>();
        if (order is null)
        {
            total = await areas.CountAsync(ct);
            rows = await areas.OrderBy(a => a.ServiceId).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        }
        else
        {
            var counts = await areas.Where(a => order.Contains(a.LocalityId)).GroupBy(a => a.LocalityId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            total = counts.Values.Sum();
            var skip = paging.Skip;
            foreach (var localityId in order)
            {
                if (rows.Count == paging.Size) break;
                var count = counts.GetValueOrDefault(localityId);
                if (skip >= count)
                {
                    skip -= count;
                    continue;
                }
                rows.AddRange(await areas.Where(a => a.LocalityId == localityId).OrderBy(a => a.ServiceId).ThenBy(a => a.Id)
                    .Skip(skip).Take(paging.Size - rows.Count).ToListAsync(ct));
                skip = 0;
            }
        }

        var summaries = await SummariesAsync(http, db, rows.Select(r => r.ServiceId).Distinct().ToList(), ct);
        var contents = rows.Select(a =>
        {
            var place = Place(a, reference);
            int? distance = origin is { } from && place.Locality is { HasCentre: true } l
                ? (int)Math.Round(Geography.Metres(from, (l.Latitude!.Value, l.Longitude!.Value)))
                : null;
            return new HsdsServiceAtLocationSummary
            {
                Id = a.Id, ServiceId = a.ServiceId, LocationId = a.LocalityId, Location = Location(a, place), Service = summaries[a.ServiceId], Distance = distance,
            };
        }).ToList();
        return Json(paging.Page(contents, total));
    }

    private static async Task<IResult> ServiceAtLocationAsync(string id, HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct)
    {
        var area = Guid.TryParse(id, out var areaId) ? await db.ServiceAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId, ct) : null;
        var service = area is null ? null : await ServiceDetailAsync(http, db, directory, area.ServiceId, Today(clock), ct);
        if (area is null || service is null) return NotFound("service at location", id);
        var place = Place(area, await directory.ReferenceAsync(ct));
        return Json(new HsdsServiceAtLocation(area.Id, area.ServiceId, area.LocalityId, Location(area, place), service));
    }

    // --- Organizations ---------------------------------------------------------------------------------

    private static async Task<IResult> OrganizationsAsync(HttpContext http, PortalDbContext db, TimeProvider clock, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Parse(page, per_page, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var today = Today(clock);
        var providers = db.Providers.AsNoTracking().Where(p => p.VerifiedThrough >= today);
        foreach (var word in Words(search))
        {
            providers = providers.Where(p => p.Name.ToLower().Contains(word) || (p.Summary != null && p.Summary.ToLower().Contains(word)));
        }
        var total = await providers.CountAsync(ct);
        var list = await providers.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return Json(paging.Page(list.Select(p => OrganizationSummary(http, p)).ToList(), total));
    }

    private static async Task<IResult> OrganizationAsync(string id, HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct)
    {
        var today = Today(clock);
        var provider = Guid.TryParse(id, out var providerId)
            ? await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.VerifiedThrough >= today, ct)
            : null;
        if (provider is null) return NotFound("organization", id);
        var ids = await VerifiedServices(db, today).Where(s => s.ProviderId == provider.Id).OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var summaries = await SummariesAsync(http, db, ids, ct);
        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        return Json(Organization(http, provider, taxonomies) with { Services = ids.Select(s => summaries[s]).ToList() });
    }

    // --- Taxonomies ------------------------------------------------------------------------------------

    private static async Task<IResult> TaxonomiesAsync(HttpContext http, DirectorySearch directory, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Parse(page, per_page, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        var words = Words(search);
        var all = taxonomies.All.Select(t => t.Taxonomy).Where(t => Matches(words, t.Name, t.Description)).ToList();
        return Json(paging.Page(all.Skip(paging.Skip).Take(paging.Size).ToList(), all.Count));
    }

    private static async Task<IResult> TaxonomyAsync(string id, HttpContext http, DirectorySearch directory, CancellationToken ct)
    {
        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        var found = Guid.TryParse(id, out var taxonomyId) ? taxonomies.Taxonomy(taxonomyId) : null;
        return found is null
            ? NotFound("taxonomy", id)
            : Json(found.Taxonomy with { TaxonomyTerms = found.Terms.Select(t => t.Term).ToList() });
    }

    private static async Task<IResult> TaxonomyTermsAsync(HttpContext http, DirectorySearch directory, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null, string? taxonomy_id = null)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Parse(page, per_page, errors);
        var taxonomy = ServiceFilter.ParseId(taxonomy_id, "taxonomy_id", "a taxonomy's id", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        var words = Words(search);
        var terms = taxonomies.Terms.Where(t => taxonomy is null || t.Term.TaxonomyId == taxonomy)
            .Where(t => Matches(words, t.Term.Name, t.Term.Description, t.Code)).Select(t => t.Term).ToList();
        return Json(paging.Page(terms.Skip(paging.Skip).Take(paging.Size).ToList(), terms.Count));
    }

    private static async Task<IResult> TaxonomyTermAsync(string id, HttpContext http, DirectorySearch directory, CancellationToken ct)
    {
        var taxonomies = HsdsTaxonomies.Build(await directory.ReferenceAsync(ct), FeedUrl(http));
        var found = Guid.TryParse(id, out var termId) ? taxonomies.Term(termId) : null;
        return found is null ? NotFound("taxonomy term", id) : Json(found.Term);
    }

    // --- Building blocks -------------------------------------------------------------------------------

    /// <summary>Verified listings only: the provider's required passport items are verified and in date today.</summary>
    private static IQueryable<Service> VerifiedServices(PortalDbContext db, DateOnly today) =>
        db.Services.AsNoTracking().Where(s => s.ProviderVerifiedThrough >= today);

    private static async Task<Dictionary<Guid, HsdsServiceSummary>> SummariesAsync(HttpContext http, PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from s in db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
                          join p in db.Providers.AsNoTracking() on s.ProviderId equals p.Id
                          select new { s.Id, s.Name, s.Description, s.UpdatedAt, ProviderId = p.Id, p.Kind, p.ContactEmail }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => Summary(http, r.Id, r.Name, r.Description, r.UpdatedAt, r.ProviderId, r.Kind, r.ContactEmail));
    }

    private static HsdsServiceSummary Summary(HttpContext http, Guid id, string name, string description, DateTimeOffset updatedAt, Guid providerId, ProviderKind kind, string? email) => new()
    {
        Id = id, OrganizationId = providerId, Name = name, Description = description, Url = ProfileUrl(http, providerId),
        Email = kind == ProviderKind.PersonalAssistant ? null : email, Status = "active", Fees = Fees, LastModified = Timestamp(updatedAt),
    };

    /// <summary>A provider as the public may see it. A Personal Assistant is a person: name, description and profile only.</summary>
    private static HsdsOrganizationSummary OrganizationSummary(HttpContext http, Provider p)
    {
        var person = p.IsNaturalPerson;
        return new HsdsOrganizationSummary
        {
            Id = p.Id, Name = p.Name, Description = p.Summary ?? Provider.KindDisplayName(p.Kind), Uri = ProfileUrl(http, p.Id),
            Email = person ? null : p.ContactEmail,
            Website = !person && p.Website is { Length: > 0 } w && Uri.IsWellFormedUriString(w, UriKind.Absolute) ? w : null,
        };
    }

    private static HsdsOrganization Organization(HttpContext http, Provider p, HsdsTaxonomies taxonomies) =>
        new(OrganizationSummary(http, p), taxonomies.AttributesOf(p.Id, [ServiceTag.ForKind(p.Kind)]));

    private readonly record struct PlaceOf(Locality? Locality, Authority? Authority);

    private static PlaceOf Place(ServiceArea area, DirectoryReference reference)
    {
        var (authority, localities) = reference.Areas.FirstOrDefault(x => x.Authority.Id == area.AuthorityId);
        return new PlaceOf(localities?.FirstOrDefault(l => l.Id == area.LocalityId), authority);
    }

    private static string PlaceName(PlaceOf place) =>
        place.Locality is { } l && place.Authority is { } a ? $"{l.Name} ({a.Name})" : place.Locality?.Name ?? place.Authority?.Name ?? "An area";

    /// <summary>The locality as text, with the ONS code of the council area it lies in as the extent (HSDS's "text" extent type).</summary>
    private static HsdsServiceArea ServiceArea(ServiceArea area, PlaceOf place)
    {
        var code = place.Authority?.AreaCode;
        return new HsdsServiceArea(area.Id, area.ServiceId, place.Locality?.Name ?? PlaceName(place), code, code is null ? null : "text",
            code is null ? null : $"http://statistics.data.gov.uk/id/statistical-geography/{code}",
            code is null ? PlaceName(place) : $"{PlaceName(place)}, in council area {code}");
    }

    /// <summary>The locality as a location: an area with its centre (when known), never an address.</summary>
    private static HsdsLocation Location(ServiceArea area, PlaceOf place) => new(
        area.LocalityId, "physical", place.Locality?.Name ?? PlaceName(place),
        $"{PlaceName(place)}: the service is given where the person lives in this area. This is an area, not an address.",
        place.Locality?.Latitude, place.Locality?.Longitude);

    private static IResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No such {what}",
        detail: $"No {what} with the id \"{id}\" is published in this feed.");

    private static IResult Json<T>(T value) => TypedResults.Json(value, JsonOptions);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string FeedUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}";

    private static string ProfileUrl(HttpContext http, Guid providerId) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/directory/{providerId}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Words(string? search) => new DirectoryQuery { Text = search }.Words;

    private static bool Matches(IReadOnlyList<string> words, params string[] texts) =>
        words.All(w => texts.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A UUID that stays the same for the same thing (HSDS ids for rows the portal keeps no table for).</summary>
    internal static Guid StableId(params object[] parts)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3 (name-based, MD5)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash, bigEndian: true);
    }

    /// <summary>page and per_page, checked: HSDS pages count from 1.</summary>
    private readonly record struct Paging(int Number, int Size)
    {
        public int Skip => (Number - 1) * Size;

        public static Paging Parse(string? page, string? perPage, Dictionary<string, string[]> errors)
        {
            var number = 1;
            var size = DefaultPageSize;
            if (page is { Length: > 0 } && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1))
            {
                errors["page"] = [$"page must be a whole number, 1 or more (you gave \"{page}\")."];
            }
            if (perPage is { Length: > 0 } && !(int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPageSize))
            {
                errors["per_page"] = [$"per_page must be a whole number from 1 to {MaxPageSize} (you gave \"{perPage}\")."];
            }
            return new Paging(Math.Max(1, number), Math.Clamp(size, 1, MaxPageSize));
        }

        /// <summary>HSDS paging: total_items, total_pages, page_number, size (items on this page), first/last page, empty.</summary>
        public HsdsPage<T> Page<T>(IReadOnlyList<T> contents, int total)
        {
            var pages = total == 0 ? 0 : (total + Size - 1) / Size;
            return new HsdsPage<T>(total, pages, Number, contents.Count, Number == 1, Number >= pages, contents.Count == 0, contents);
        }
    }

    /// <summary>The filters <c>/services</c> and <c>/service_at_locations</c> share; together they narrow (HSDS: AND).</summary>
    private sealed record ServiceFilter(IReadOnlyList<string> Words, Guid? TaxonomyTerm, Guid? Taxonomy, Guid? Organization, DateTimeOffset? ModifiedAfter)
    {
        public static ServiceFilter Parse(string? search, string? taxonomyTermId, string? taxonomyId, string? organizationId, string? modifiedAfter, Dictionary<string, string[]> errors) =>
            new(OpenReferralApi.Words(search),
                ParseId(taxonomyTermId, "taxonomy_term_id", "a taxonomy term's id", errors),
                ParseId(taxonomyId, "taxonomy_id", "a taxonomy's id", errors),
                ParseId(organizationId, "organization_id", "an organization's id", errors),
                ParseTime(modifiedAfter, errors));

        public static Guid? ParseId(string? value, string field, string what, Dictionary<string, string[]> errors)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Guid.TryParse(value, out var id)) return id;
            errors[field] = [$"{field} must be {what} (a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2; you gave \"{value}\")."];
            return null;
        }

        private static DateTimeOffset? ParseTime(string? value, Dictionary<string, string[]> errors)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (IsoDateTime().IsMatch(value.Trim()) &&
                DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at.ToUniversalTime();
            }
            errors["modified_after"] = [$"modified_after must be a date, or a date and time, like 2026-01-31 or 2026-01-31T09:30:00Z (you gave \"{value}\")."];
            return null;
        }

        public IQueryable<Service> Apply(PortalDbContext db, HsdsTaxonomies taxonomies, DateOnly today)
        {
            var services = VerifiedServices(db, today);
            if (Organization is { } organization) services = services.Where(s => s.ProviderId == organization);
            if (TaxonomyTerm is { } termId)
            {
                // An id that names no term matches nothing (it is well formed, just not ours).
                var tag = taxonomies.Term(termId)?.Tag;
                services = tag is null ? services.Where(s => false) : services.Where(s => db.ServiceTags.Any(t => t.Tag == tag && t.ServiceId == s.Id));
            }
            if (Taxonomy is { } taxonomyId)
            {
                var prefix = taxonomies.Taxonomy(taxonomyId)?.TagPrefix;
                services = prefix is null ? services.Where(s => false) : services.Where(s => db.ServiceTags.Any(t => t.ServiceId == s.Id && t.Tag.StartsWith(prefix)));
            }
            if (ModifiedAfter is { } after) services = services.Where(s => s.UpdatedAt >= after);
            foreach (var word in Words) services = services.Where(s => s.SearchText.Contains(word));
            return services;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
