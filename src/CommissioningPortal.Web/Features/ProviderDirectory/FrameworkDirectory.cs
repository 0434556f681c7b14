using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>A framework and lot a provider is on, as its profile shows it.</summary>
public sealed record FrameworkPlace(string AuthorityName, string FrameworkTitle, int LotNumber, string LotTitle);

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

    /// <summary>Every framework and lot the provider is on today, by authority.</summary>
    public async Task<IReadOnlyList<FrameworkPlace>> PlacesOfAsync(Guid providerId, DateOnly today, CancellationToken ct) =>
        await (from m in db.LotMembers.Where(FrameworkMembership.StandsOn(today))
               where m.ProviderId == providerId
               join l in db.Lots on m.LotId equals l.Id
               join f in db.Frameworks.Where(FrameworkMembership.InForceOn(today)) on l.FrameworkId equals f.Id
               join a in db.Authorities on f.AuthorityId equals a.Id
               orderby a.Name, f.Title, l.Number
               select new FrameworkPlace(a.Name, f.Title, l.Number, l.Title)).ToListAsync(ct);
}
