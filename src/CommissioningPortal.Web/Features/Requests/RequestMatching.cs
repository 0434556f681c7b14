using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>A provider a request matches, with how well: capacity, a verified passport, the language asked for.</summary>
public sealed record MatchCandidate(Guid ProviderId, Guid ServiceId, int Points, bool HasCapacity, bool Verified, bool SpeaksLanguage);

/// <summary>
/// Which providers a request matches (a service in the request's locality, of its support type and,
/// when given, client group), ranked by fit; whether a provider is on the authority's framework, or
/// was approved off it before; and what the fit of each offer rests on.
/// </summary>
public sealed class RequestMatching(PortalDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The services a request matches, found through the services' indexed tags as the directory finds them
    /// (the locality drives; support type and client group are point look-ups), of open providers.
    /// </summary>
    private IQueryable<Domain.Marketplace.Service> MatchingServices(SupportRequest request)
    {
        var locality = ServiceTag.ForLocality(request.LocalityId);
        var supportType = ServiceTag.ForSupportType(request.SupportType);
        var ids = db.ServiceTags.Where(t => t.Tag == locality)
            .Where(t => db.ServiceTags.Any(o => o.Tag == supportType && o.ServiceId == t.ServiceId));
        if (request.ClientGroup is { } group)
        {
            var clientGroup = ServiceTag.ForClientGroup(group);
            ids = ids.Where(t => db.ServiceTags.Any(o => o.Tag == clientGroup && o.ServiceId == t.ServiceId));
        }
        var serviceIds = ids.Select(t => t.ServiceId);
        return db.Services.AsNoTracking()
            .Where(s => serviceIds.Contains(s.Id))
            .Where(s => db.Providers.Any(p => p.Id == s.ProviderId && p.ClosedAt == null));
    }

    /// <summary>Every matching provider, best first (one row per provider: its best-fitting service).</summary>
    public async Task<IReadOnlyList<MatchCandidate>> RankedCandidatesAsync(SupportRequest request, CancellationToken ct)
    {
        var today = Today;
        var language = request.Language is { } code ? ServiceTag.ForLanguage(code) : "";
        var rows = await MatchingServices(request)
            .Select(s => new { s.Id, s.ProviderId, s.HoursFreePerWeek, s.EarliestStart, s.ProviderVerifiedThrough, Speaks = db.ServiceTags.Any(o => o.Tag == language && o.ServiceId == s.Id) })
            .ToListAsync(ct);
        var hours = request.HoursPerWeek ?? 1;
        return rows.Select(r =>
            {
                var capacity = r.HoursFreePerWeek is { } free && free >= hours && (r.EarliestStart is null || r.EarliestStart <= request.StartDate);
                var verified = r.ProviderVerifiedThrough is { } through && today <= through;
                return new MatchCandidate(r.ProviderId, r.Id, (capacity ? 15 : 0) + (verified ? 10 : 0) + (r.Speaks ? 10 : 0), capacity, verified, r.Speaks);
            })
            .GroupBy(c => c.ProviderId).Select(g => g.OrderByDescending(c => c.Points).First())
            .OrderByDescending(c => c.Points).ThenBy(c => c.ProviderId).ToList();
    }

    /// <summary>Whether the provider has a service the request matches (so it is told of it and may offer).</summary>
    public Task<bool> MatchesAsync(SupportRequest request, Guid providerId, CancellationToken ct) =>
        MatchingServices(request).AnyAsync(s => s.ProviderId == providerId, ct);

    /// <summary>Of <paramref name="providerIds"/>, those on a lot of a framework of the authority in force today (the directory's rule).</summary>
    public async Task<HashSet<Guid>> OnFrameworkAsync(Guid authorityId, IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        (await ProviderDirectory.FrameworkDirectory.AdmittedProviderIds(db, authorityId, Today).Where(id => providerIds.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>An approval is remembered for that provider and authority: a later choice of it needs none.</summary>
    public Task<bool> ApprovedBeforeAsync(Guid authorityId, Guid providerId, CancellationToken ct) =>
        (from a in db.OffFrameworkApprovals.AsNoTracking()
         join i in db.WorkflowInstances.AsNoTracking() on a.InstanceId equals i.Id
         where a.ProviderId == providerId && i.AuthorityId == authorityId && i.State == "approved"
         select a.Id).AnyAsync(ct);

    /// <summary>The request's offers ranked by fit, with what each fit rests on and whether each is on the framework.</summary>
    public async Task<IReadOnlyList<RankedOffer>> RankOffersAsync(SupportRequest request, CancellationToken ct)
    {
        var providerIds = request.Offers.Select(o => o.ProviderId).Distinct().ToList();
        var candidates = (await RankedCandidatesAsync(request, ct)).ToDictionary(c => c.ProviderId);
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var onFramework = await OnFrameworkAsync(request.AuthorityId, providerIds, ct);
        var continuing = (await db.IsfAgreements.AsNoTracking().Where(a => a.SupportedPersonId == request.SupportedPersonId && providerIds.Contains(a.ProviderId))
            .Select(a => a.ProviderId).ToListAsync(ct)).ToHashSet();
        var today = Today;
        var ranked = OfferFit.Rank(request, request.Offers.Select(o =>
        {
            candidates.TryGetValue(o.ProviderId, out var c);
            var capacity = c?.HasCapacity == true || (o.HoursPerWeek is { } h && request.HoursPerWeek is { } want && h >= want);
            var facts = new OfferFacts(CoversLocality: c is not null, HasCapacity: capacity, VerifiedPassport: providers[o.ProviderId].IsVerifiedOn(today),
                SpeaksLanguage: c?.SpeaksLanguage == true, Continuity: continuing.Contains(o.ProviderId), StartsInTime: o.StartDate <= request.StartDate);
            return (o, facts);
        }));
        return ranked.Select(r => new RankedOffer(r.Offer, r.Fit, providers[r.Offer.ProviderId], onFramework.Contains(r.Offer.ProviderId))).ToList();
    }
}

/// <summary>An offer as the person compares it: its fit, its provider, whether it is on the framework.</summary>
public sealed record RankedOffer(SupportOffer Offer, FitScore Fit, Domain.Tenancy.Provider Provider, bool OnFramework);
