using System.Security.Claims;
using System.Text.Json;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>
/// Commissioner insight (issue 21, ADR 0025): the market map, unmet demand, options and budgets, the price of care and
/// framework health for one authority, at <c>/authority/{authority}/insight</c>, for that authority's commissioners
/// (anyone else's authority is not found). Every table downloads as CSV; the quarterly market position statement is a
/// tagged PDF; the same figures, with counts of fewer than five people suppressed, are open data at <c>/api/insight/{authority}</c>.
/// </summary>
public static class InsightFeature
{
    public static WebApplicationBuilder AddInsightFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InsightQueries>();
        builder.Services.AddScoped<InsightAccess>();
        builder.Services.AddScoped<MarketStatement>();
        builder.Services.AddScoped<InsightSeeder>();
        return builder.AddNavigation(new NavigationItem("/insight", "Insight", 31) { Roles = [Domain.Identity.Roles.Commissioner] });
    }

    public static WebApplication MapInsightFeature(this WebApplication app)
    {
        var pages = app.MapGroup("/authority/{authority}/insight").RequireAuthorization(Policies.Commissioner);
        pages.MapGet("/{section}/{table}.csv", TableCsvAsync);
        pages.MapGet("/statement.pdf", StatementAsync);

        var open = app.MapGroup(OpenDataPrefix).RequireCors(OpenReferral.OpenReferralApi.CorsPolicy).AllowAnonymous();
        open.MapGet("/{authority}", OpenDataJsonAsync);
        open.MapGet("/{authority}/{table}.csv", OpenDataCsvAsync);
        return app;
    }

    public const string OpenDataPrefix = "/api/insight";

    private static async Task<IResult> TableCsvAsync(string authority, string section, string table, ClaimsPrincipal user, InsightAccess access, InsightQueries queries, CancellationToken ct)
    {
        if (!InsightQueries.Slugs.Contains(section) || await access.LoadAsync(authority, user, ct) is not { } a) return TypedResults.NotFound();
        var found = (await queries.SectionAsync(section, a, ct)).Tables.FirstOrDefault(t => t.Id == table);
        return found is null ? TypedResults.NotFound() : TypedResults.File(CsvOf(found), Csv.ContentType, $"{a.Code}-{found.Id}.csv");
    }

    private static async Task<IResult> StatementAsync(string authority, ClaimsPrincipal user, InsightAccess access, MarketStatement statement, CancellationToken ct)
    {
        if (await access.LoadAsync(authority, user, ct) is not { } a) return TypedResults.NotFound();
        var (pdf, name) = await statement.RenderAsync(a, ct);
        return TypedResults.File(pdf, "application/pdf", name);
    }

    /// <summary>The open-data tables of every section, suppressed.</summary>
    public static async Task<List<InsightTable>> OpenTablesAsync(InsightQueries queries, Authority authority, CancellationToken ct)
    {
        var tables = new List<InsightTable>();
        foreach (var slug in InsightQueries.Slugs)
            tables.AddRange((await queries.SectionAsync(slug, authority, ct)).Tables.Where(t => t.OpenData).Select(t => t.ForOpenData()));
        return tables;
    }

    private static async Task<Authority?> PublicAuthorityAsync(PortalDbContext db, string code, CancellationToken ct) =>
        await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);

    private static async Task<IResult> OpenDataJsonAsync(string authority, PortalDbContext db, InsightQueries queries, CancellationToken ct)
    {
        if (await PublicAuthorityAsync(db, authority, ct) is not { } a) return TypedResults.NotFound();
        var tables = await OpenTablesAsync(queries, a, ct);
        var body = new
        {
            authority = new { code = a.Code, name = a.Name },
            generatedAt = queries.Now,
            license = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            suppression = $"Any count of fewer than {InsightTable.SmallNumber} people (1 to 4), and any figure worked out from such a count, is given as \"{InsightTable.Suppressed}\". Zero is given as 0.",
            definitions = InsightQueries.Options.Select(o => new { option = o.Number, definition = o.Definition }),
            tables = tables.Select(t => new
            {
                id = t.Id,
                title = t.Title,
                description = t.Description,
                csv = $"{OpenDataPrefix}/{a.Code}/{t.Id}.csv",
                columns = t.Columns.Select(c => new { name = c.Name, kind = c.Kind.ToString().ToLowerInvariant() }),
                rows = t.Rows,
            }),
        };
        return TypedResults.Json(body, JsonOptions, "application/json; charset=utf-8");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static async Task<IResult> OpenDataCsvAsync(string authority, string table, PortalDbContext db, InsightQueries queries, CancellationToken ct)
    {
        if (await PublicAuthorityAsync(db, authority, ct) is not { } a) return TypedResults.NotFound();
        var slug = InsightQueries.Slugs.FirstOrDefault(s => table.StartsWith(s + "-", StringComparison.Ordinal));
        if (slug is null) return TypedResults.NotFound();
        var found = (await queries.SectionAsync(slug, a, ct)).Tables.FirstOrDefault(t => t.Id == table && t.OpenData);
        return found is null ? TypedResults.NotFound() : TypedResults.File(CsvOf(found.ForOpenData()), Csv.ContentType, $"{a.Code}-{found.Id}.csv");
    }

    public static byte[] CsvOf(InsightTable t) =>
        Csv.Bytes(t.Columns.Select(c => c.Kind == Measure.Money ? c.Name + " (£)" : c.Name), Enumerable.Range(0, t.Rows.Count), r => t.Rows[r]);
}

/// <summary>The route's authority when the user is one of its commissioners; null (a 404) for anyone else's.</summary>
public sealed class InsightAccess(PortalDbContext db)
{
    public async Task<Authority?> LoadAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Domain.Identity.Roles.Commissioner) || !string.Equals(user.AuthorityCodeOf(), code, StringComparison.OrdinalIgnoreCase)) return null;
        return await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
    }
}
