using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>What the tendering pages and use cases share: finding an opportunity for its commissioner or a provider, and plain names.</summary>
public static class TenderingPages
{
    /// <summary>The actor's authority's opportunity (any status but draft); another authority's is not found.</summary>
    public static Task<Opportunity?> OwnOpportunityAsync(this PortalDbContext db, Actor actor, Guid id, CancellationToken ct) =>
        actor.AuthorityId is { } authorityId
            ? db.Opportunities.Include(o => o.Lots).FirstOrDefaultAsync(o => o.Id == id && o.AuthorityId == authorityId && o.Status != OpportunityStatus.Draft, ct)
            : Task.FromResult<Opportunity?>(null);

    /// <summary>A published opportunity a provider may ask about or respond to.</summary>
    public static Task<Opportunity?> OpenOpportunityAsync(this PortalDbContext db, Guid id, CancellationToken ct) =>
        db.Opportunities.AsNoTracking().Include(o => o.Lots).FirstOrDefaultAsync(o => o.Id == id && o.Status == OpportunityStatus.Published, ct);

    public static string When(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")) ?? "not set";

    /// <summary>"closes in 3 days" (to the nearest day), "closes in 5 hours", "closes in 20 minutes", "has closed": how long is left before a deadline.</summary>
    public static string ClosesIn(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } d) return "has no deadline";
        var left = d - now;
        if (left <= TimeSpan.Zero) return "has closed";
        if (left >= TimeSpan.FromDays(1)) return Count((int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero), "day");
        if (left >= TimeSpan.FromHours(1)) return Count((int)left.TotalHours, "hour");
        return Count(Math.Max(1, (int)left.TotalMinutes), "minute");
        static string Count(int n, string unit) => $"closes in {n} {unit}{(n == 1 ? "" : "s")}";
    }

    public static string Unit(PriceUnit unit) => unit switch
    {
        PriceUnit.PerHour => "per hour",
        PriceUnit.PerWeek => "per week",
        PriceUnit.PerOutcome => "per outcome achieved",
        _ => "block amount",
    };

    public static string Passport(PassportItemKind kind) => kind switch
    {
        PassportItemKind.CareInspectorateRegistration => "Care Inspectorate registration",
        PassportItemKind.Pvg => "PVG scheme membership",
        PassportItemKind.PublicLiability => "Public liability insurance",
        PassportItemKind.EmployersLiability => "Employer's liability insurance",
        PassportItemKind.CharityOrCompanyNumber => "Charity or company number",
        PassportItemKind.SelfEmployment => "Proof of self-employment",
        PassportItemKind.RealLivingWage => "Real Living Wage commitment",
        _ => "Reference",
    };

    public static string Money(long? pence) => pence is { } p ? "£" + (p / 100m).ToString("N2", CultureInfo.GetCultureInfo("en-GB")) : "";

    /// <summary>An amount in pounds as pence; null and no error when empty.</summary>
    public static long? ParsePounds(FieldErrors errors, string field, string label, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var text = typed.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) && pounds >= 0 && pounds < 1_000_000_000m &&
            decimal.Round(pounds, 2) == pounds)
        {
            return (long)(pounds * 100);
        }
        errors.Add(field, $"{label} must be an amount in pounds, like 23.50.");
        return null;
    }
}
