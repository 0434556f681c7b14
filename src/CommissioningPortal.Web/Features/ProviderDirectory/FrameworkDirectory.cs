using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>A framework and lot a provider is on, as its profile shows it.</summary>
public sealed record FrameworkPlace(string AuthorityName, string FrameworkTitle, int LotNumber, string LotTitle)
{
    /// <summary>The provider's rate on the lot on the day asked about (the latest from on or before it), or null when none is set.</summary>
    public string? Rate { get; init; }
}

/// <summary>
/// "On the framework of": the directory's side of frameworks. The rule is
/// <see cref="FrameworkMembership.Counts"/>; both queries here run its SQL side
/// (<see cref="FrameworkMembership.InForceOn"/>, <see cref="FrameworkMembership.StandsOn"/>);
/// <see cref="AdmittedProviderIds"/> is an uncorrelated sub-query (Frameworks by (Status, AuthorityId) → Lots by FrameworkId →
/// LotMembers by (LotId, Status, AdmittedOn, ProviderId)) that a search joins as a semi-join.
/// </summary>
public sealed class FrameworkDirectory(PortalDbContext db, IMemoryCache cache)
{
    private const string AuthoritiesKey = "directory-framework-authorities";

    /// <summary>Providers on the framework of <paramref name="authorityId"/> on <paramref name="today"/> (may repeat).</summary>
    public static IQueryable<Guid> AdmittedProviderIds(PortalDbContext db, Guid authorityId, DateOnly today) =>
        from f in db.Frameworks.Where(FrameworkMembership.InForceOn(today))
        where f.AuthorityId == authorityId
        join l in db.Lots on f.Id equals l.FrameworkId
        join m in db.LotMembers.Where(FrameworkMembership.StandsOn(today)) on l.Id equals m.LotId
        select m.ProviderId;

    /// <summary>Authorities with at least one live framework, by name (the filter's choices). Kept briefly; <see cref="Changed"/> forgets it.</summary>
    public async Task<IReadOnlyList<Authority>> AuthoritiesWithLiveFrameworksAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(AuthoritiesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var ids = db.Frameworks.Where(f => f.Status == FrameworkStatus.Live).Select(f => f.AuthorityId);
            return (IReadOnlyList<Authority>)await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync(ct);
        }))!;

    /// <summary>Call when a framework goes live or ends, so the filter's choices follow at once.</summary>
    public void Changed() => cache.Remove(AuthoritiesKey);

    /// <summary>
    /// Every framework and lot the provider is on today, by authority, with the lot rate of the day: read at
    /// the time of asking from the member's dated rates, so a revised price shows from its date and not before
    /// (nothing here is kept between requests, unlike the service index of ADR 0024).
    /// </summary>
    public async Task<IReadOnlyList<FrameworkPlace>> PlacesOfAsync(Guid providerId, DateOnly today, CancellationToken ct)
    {
        var places = await (from m in db.LotMembers.Where(FrameworkMembership.StandsOn(today))
                            where m.ProviderId == providerId
                            join l in db.Lots on m.LotId equals l.Id
                            join f in db.Frameworks.Where(FrameworkMembership.InForceOn(today)) on l.FrameworkId equals f.Id
                            join a in db.Authorities on f.AuthorityId equals a.Id
                            orderby a.Name, f.Title, l.Number
                            select new { MemberId = m.Id, Place = new FrameworkPlace(a.Name, f.Title, l.Number, l.Title) }).ToListAsync(ct);
        var memberIds = places.Select(p => p.MemberId).ToList();
        var rates = (await db.LotRates.AsNoTracking().Where(r => memberIds.Contains(r.LotMemberId) && r.EffectiveFrom <= today).ToListAsync(ct))
            .GroupBy(r => r.LotMemberId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.RecordedAt).First().Text);
        return places.Select(p => p.Place with { Rate = rates.GetValueOrDefault(p.MemberId) }).ToList();
    }
}
