using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.OpenReferral;

/// <summary>
/// Open Referral UK / HSDS 3.0: the directory as open data. Read-only, no sign-in, any origin
/// may call it. Verified listings only; Personal Assistants are natural people, so neither their
/// home address nor their personal phone or e-mail is ever in it.
/// </summary>
public static class OpenReferralApi
{
    public const string CorsPolicy = "open-data";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The reference schemes published as HSDS taxonomies.</summary>
    public static readonly IReadOnlyList<(string Scheme, string Name, string Description)> Taxonomies =
    [
        (ReferenceSchemes.ClientGroup, "Client groups", "Who a service is for (Scottish social care client groups)."),
        (ReferenceSchemes.SupportType, "Support types", "What kind of support a service gives under Self-directed Support."),
    ];

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void AddOpenReferral(this IServiceCollection services) =>
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD", "OPTIONS").AllowAnyHeader()));

    public static void MapOpenReferral(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/openreferral").RequireCors(CorsPolicy).AllowAnonymous();
        api.MapGet("/", static (HttpContext http) => TypedResults.Json(new
        {
            version = "3.0",
            profile = "https://openreferraluk.org/",
            openapi_url = $"{http.Request.Scheme}://{http.Request.Host}/api/openreferral/openapi.json",
        }, JsonOptions));
        api.MapGet("/services", ServicesAsync);
        api.MapGet("/services/{id}", ServiceAsync);
        api.MapGet("/organizations", OrganizationsAsync);
        api.MapGet("/taxonomies", TaxonomiesAsync);
        api.MapGet("/taxonomy_terms", TaxonomyTermsAsync);
    }

    private static async Task<IResult> ServicesAsync(HttpContext http, PortalDbContext db, TimeProvider clock, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null, string? taxonomy_term_id = null, string? organization_id = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = Paging(page, per_page, errors);
        Guid? term = null, organization = null;
        if (taxonomy_term_id is { Length: > 0 })
        {
            if (Guid.TryParse(taxonomy_term_id, out var t)) term = t;
            else errors["taxonomy_term_id"] = ["taxonomy_term_id must be a taxonomy term's id (a UUID)."];
        }
        if (organization_id is { Length: > 0 })
        {
            if (Guid.TryParse(organization_id, out var o)) organization = o;
            else errors["organization_id"] = ["organization_id must be an organization's id (a UUID)."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var today = Today(clock);
        var services = VerifiedServices(db, today);
        if (organization is { } org) services = services.Where(s => s.ProviderId == org);
        if (term is { } termId)
        {
            var found = await db.ReferenceTerms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == termId, ct);
            var tag = found?.Scheme switch
            {
                ReferenceSchemes.ClientGroup => ServiceTag.ForClientGroup(found.Code),
                ReferenceSchemes.SupportType => ServiceTag.ForSupportType(found.Code),
                _ => null,
            };
            if (tag is null) return Json(Page<HsdsService>([], 0, number, size));
            services = services.Where(s => db.ServiceTags.Where(x => x.Tag == tag).Select(x => x.ServiceId).Contains(s.Id));
        }
        foreach (var word in new DirectoryQuery { Text = search }.Words) services = services.Where(s => s.SearchText.Contains(word));

        var total = await services.CountAsync(ct);
        var rows = await (from s in services.OrderBy(s => s.Id).Skip((number - 1) * size).Take(size)
                          join p in db.Providers.AsNoTracking() on s.ProviderId equals p.Id
                          select new { s.Id, s.Name, s.Description, s.UpdatedAt, s.Languages, ProviderId = p.Id, p.Kind, p.ContactEmail }).ToListAsync(ct);
        var contents = rows.OrderBy(r => r.Id).Select(r => new HsdsService
        {
            Id = r.Id, OrganizationId = r.ProviderId, Name = r.Name, Description = r.Description, Status = "active",
            Url = ProfileUrl(http, r.ProviderId), Email = r.Kind == ProviderKind.PersonalAssistant ? null : r.ContactEmail,
            LastModified = Timestamp(r.UpdatedAt),
        }).ToList();
        return Json(Page(contents, total, number, size));
    }

    private static async Task<IResult> ServiceAsync(string id, HttpContext http, PortalDbContext db, DirectorySearch directory, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var serviceId)) return TypedResults.NotFound();
        var today = Today(clock);
        var service = await VerifiedServices(db, today).Include(s => s.Areas).Include(s => s.Rates).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return TypedResults.NotFound();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == service.ProviderId, ct);
        var reference = await directory.ReferenceAsync(ct);
        var person = provider.IsNaturalPerson;

        var terms = reference.ClientGroups.Where(t => service.ClientGroups.Contains(t.Code))
            .Concat(reference.SupportTypes.Where(t => service.SupportTypes.Contains(t.Code)));
        var phone = !person && provider.Phone is { Length: > 0 } number ? new HsdsPhone(StableId("phone", service.Id), number, "voice", ServiceId: service.Id) : null;
        return Json(new HsdsService
        {
            Id = service.Id, OrganizationId = provider.Id, Name = service.Name, Description = service.Description, Status = "active",
            Url = ProfileUrl(http, provider.Id),
            Email = person ? null : provider.ContactEmail,
            InterpretationServices = service.Languages.Any(l => l != "en") ? "Offered in " + string.Join(", ", service.Languages.Select(ServiceLanguages.NameOf)) : null,
            FeesDescription = "Rates are what the provider charges; under Self-directed Support your council agrees the budget with you.",
            LastModified = Timestamp(service.UpdatedAt),
            Organization = Organization(http, provider),
            Phones = phone is null ? [] : [phone],
            Contacts = person
                ? []
                : [new HsdsContact(StableId("contact", service.Id), service.Id, provider.Name, provider.ContactEmail, phone is null ? null : [phone])],
            ServiceAreas = service.Areas.Select(a =>
            {
                var area = reference.Areas.FirstOrDefault(x => x.Authority.Id == a.AuthorityId);
                var locality = area.Localities?.FirstOrDefault(l => l.Id == a.LocalityId);
                return new HsdsServiceArea(a.Id, service.Id, locality?.Name ?? "Unknown locality", area.Authority?.Name, area.Authority?.AreaCode, area.Authority?.AreaCode is null ? null : "ons_code");
            }).ToList(),
            Languages = service.Languages.Select(code => new HsdsLanguage(StableId("language", service.Id, code), service.Id, ServiceLanguages.NameOf(code), code)).ToList(),
            CostOptions = service.Rates.Where(r => r.EffectiveTo is null || r.EffectiveTo >= today).OrderBy(r => r.EffectiveFrom).Select(r => new HsdsCostOption(
                r.Id, service.Id, Date(r.EffectiveFrom), r.EffectiveTo is { } to ? Date(to) : null, ServiceRate.UnitDisplayName(r.Unit),
                "GBP", (double)r.Amount, r.Text)).ToList(),
            Attributes = terms.Select(t => new HsdsAttribute(StableId("attribute", service.Id, t.Code), service.Id, t.Id, "service_taxonomy", "service", Term(t))).ToList(),
        });
    }

    private static async Task<IResult> OrganizationsAsync(HttpContext http, PortalDbContext db, TimeProvider clock, CancellationToken ct,
        string? page = null, string? per_page = null, string? search = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = Paging(page, per_page, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var today = Today(clock);
        var providers = db.Providers.AsNoTracking().Where(p => p.VerifiedThrough >= today);
        if (search is { Length: > 0 }) providers = providers.Where(p => p.Name.ToLower().Contains(search.ToLower()));
        var total = await providers.CountAsync(ct);
        var list = await providers.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Json(Page(list.Select(p => Organization(http, p, listOnly: true)).ToList(), total, number, size));
    }

    private static IResult TaxonomiesAsync(string? page = null, string? per_page = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = Paging(page, per_page, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var all = Taxonomies.Select(t => Taxonomy(t.Scheme)).ToList();
        return Json(Page(all.Skip((number - 1) * size).Take(size).ToList(), all.Count, number, size));
    }

    private static async Task<IResult> TaxonomyTermsAsync(PortalDbContext db, CancellationToken ct, string? page = null, string? per_page = null, string? taxonomy_id = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = Paging(page, per_page, errors);
        var schemes = Taxonomies.Select(t => t.Scheme).ToList();
        if (taxonomy_id is { Length: > 0 })
        {
            var match = Taxonomies.FirstOrDefault(t => Taxonomy(t.Scheme).Id.ToString() == taxonomy_id.ToLowerInvariant()).Scheme;
            if (match is null) errors["taxonomy_id"] = ["taxonomy_id must be the id of one of /taxonomies."];
            else schemes = [match];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var terms = db.ReferenceTerms.AsNoTracking().Where(t => schemes.Contains(t.Scheme));
        var total = await terms.CountAsync(ct);
        var list = await terms.OrderBy(t => t.Scheme).ThenBy(t => t.SortOrder).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Json(Page(list.Select(Term).ToList(), total, number, size));
    }

    /// <summary>Verified listings only: the provider's required passport items are verified and in date today.</summary>
    private static IQueryable<Service> VerifiedServices(PortalDbContext db, DateOnly today) =>
        db.Services.AsNoTracking().Where(s => s.ProviderVerifiedThrough >= today);

    private static HsdsOrganization Organization(HttpContext http, Provider p, bool listOnly = false)
    {
        // A Personal Assistant is a person: name and description only, no address, phone or e-mail.
        var person = p.IsNaturalPerson;
        var description = p.Summary ?? Provider.KindDisplayName(p.Kind);
        if (person)
        {
            return new HsdsOrganization { Id = p.Id, Name = p.Name, Description = description, LegalStatus = "Self-employed", Uri = ProfileUrl(http, p.Id) };
        }
        var hasAddress = p.AddressLine is { Length: > 0 } && p.Town is { Length: > 0 } && p.Postcode is { Length: > 0 };
        var locationId = StableId("location", p.Id);
        return new HsdsOrganization
        {
            Id = p.Id, Name = p.Name, Description = description, Email = p.ContactEmail,
            Website = p.Website is { Length: > 0 } w && Uri.IsWellFormedUriString(w, UriKind.Absolute) ? w : null,
            LegalStatus = Provider.KindDisplayName(p.Kind), Uri = ProfileUrl(http, p.Id),
            Phones = listOnly || p.Phone is not { Length: > 0 } ? null : [new HsdsPhone(StableId("phone", p.Id), p.Phone, "voice", OrganizationId: p.Id)],
            Locations = listOnly || !hasAddress
                ? null
                : [new HsdsLocation(locationId, "postal", p.Id, p.Name, [new HsdsAddress(StableId("address", p.Id), locationId, p.AddressLine!, p.Town!, "Scotland", p.Postcode!, "GB", "postal")])],
        };
    }

    private static HsdsTaxonomy Taxonomy(string scheme)
    {
        var t = Taxonomies.First(x => x.Scheme == scheme);
        return new HsdsTaxonomy(StableId("taxonomy", scheme), t.Name, t.Description, "1");
    }

    private static HsdsTaxonomyTerm Term(ReferenceTerm t)
    {
        var taxonomy = Taxonomy(t.Scheme);
        return new HsdsTaxonomyTerm(t.Id, t.Code, t.Label, t.Description ?? t.Label, null, taxonomy.Name, taxonomy.Id);
    }

    private static (int Number, int Size) Paging(string? page, string? perPage, Dictionary<string, string[]> errors)
    {
        var number = 1;
        var size = DefaultPageSize;
        if (page is { Length: > 0 } && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1))
        {
            errors["page"] = ["page must be a whole number, 1 or more."];
        }
        if (perPage is { Length: > 0 } && !(int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPageSize))
        {
            errors["per_page"] = [$"per_page must be a whole number from 1 to {MaxPageSize}."];
        }
        return (Math.Max(1, number), Math.Clamp(size, 1, MaxPageSize));
    }

    /// <summary>HSDS paging: total_items, total_pages, page_number, size (items on this page), first/last page, empty.</summary>
    internal static HsdsPage<T> Page<T>(IReadOnlyList<T> contents, int total, int number, int size)
    {
        var pages = total == 0 ? 0 : (total + size - 1) / size;
        return new HsdsPage<T>(total, pages, number, contents.Count, number == 1, number >= pages, contents.Count == 0, contents);
    }

    private static IResult Json(object value) => TypedResults.Json(value, JsonOptions);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string ProfileUrl(HttpContext http, Guid providerId) => $"{http.Request.Scheme}://{http.Request.Host}/directory/{providerId}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UUID that stays the same for the same thing (HSDS ids for rows the portal keeps no table for).</summary>
    internal static Guid StableId(params object[] parts)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3 (name-based, MD5)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash, bigEndian: true);
    }
}
