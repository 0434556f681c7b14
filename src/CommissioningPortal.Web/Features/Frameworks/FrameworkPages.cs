using System.Globalization;
using System.Security.Claims;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>What the framework pages and use cases share: whose frameworks a commissioner sees, and reading typed dates, money and rate units.</summary>
public static class FrameworkPages
{
    /// <summary>The signed-in commissioner's authority's frameworks; another authority's are simply not found (404).</summary>
    public static IQueryable<Framework> Mine(this PortalDbContext db, ClaimsPrincipal user)
    {
        var authorityId = user.AuthorityIdOf() ?? Guid.Empty;
        return db.Frameworks.Where(f => f.AuthorityId == authorityId);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>A date as people type it (1/4/2026, 2026-04-01, 1 April 2026); null and no error when empty.</summary>
    public static DateOnly? ParseDate(FieldErrors errors, string field, string label, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (DateOnly.TryParseExact(typed.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        errors.Add(field, $"{label} must be a real date, like 1/4/2026.");
        return null;
    }

    /// <summary>An amount in pounds (25, 22.50, £19.25) as pence; null and no error when empty.</summary>
    public static int? ParsePounds(FieldErrors errors, string field, string label, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (FormInput.TryParsePounds(typed, out var pence)) return pence;
        errors.Add(field, $"{label} must be an amount in pounds, like 23.50.");
        return null;
    }

    /// <summary>A rate unit from the list; null with an error otherwise.</summary>
    public static RateUnit? ParseUnit(FieldErrors errors, string field, string? typed)
    {
        if (FormInput.TryParseRateUnit(typed, out var unit)) return unit;
        errors.Add(field, "Choose per hour, per night, per session or per week.");
        return null;
    }

    public static string DatesText(Framework f) => (f.StartsOn, f.EndsOn) switch
    {
        (null, null) => "From when it goes live, no end date",
        ({ } s, null) => $"From {s:d MMMM yyyy}, no end date",
        (null, { } e) => $"From when it goes live until {e:d MMMM yyyy}",
        ({ } s, { } e) => $"{s:d MMMM yyyy} to {e:d MMMM yyyy}",
    };
}
