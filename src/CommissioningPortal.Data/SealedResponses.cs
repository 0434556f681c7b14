using CommissioningPortal.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace CommissioningPortal.Data;

/// <summary>
/// The seal on tender responses (ADR 0019), held by the data layer itself. <see cref="Apply"/> gives the content
/// entities (<see cref="TenderAnswer"/>, <see cref="TenderPrice"/>, <see cref="TenderDocument"/>) a global query
/// filter: a row is returned only when its response is submitted and two users of the authority have opened the
/// opportunity's responses (which the domain allows only after the deadline). Every query — a page, a CSV, an API,
/// an export, an administrator's — goes through it. The one way round it is <see cref="OwnContent{T}"/>: a provider
/// reading and changing its own response, by its own provider id. Nothing else may call IgnoreQueryFilters on
/// these sets (an architecture test checks the source).
/// </summary>
public static class SealedResponses
{
    internal static void Apply(ModelBuilder builder, PortalDbContext db)
    {
        builder.Entity<TenderAnswer>().HasQueryFilter(c =>
            db.Set<ResponseOpening>().Any(o => o.OpportunityId == c.OpportunityId && o.SecondOpenedAt != null) &&
            db.Set<TenderResponse>().Any(r => r.Id == c.ResponseId && r.Status == ResponseStatus.Submitted));
        builder.Entity<TenderPrice>().HasQueryFilter(c =>
            db.Set<ResponseOpening>().Any(o => o.OpportunityId == c.OpportunityId && o.SecondOpenedAt != null) &&
            db.Set<TenderResponse>().Any(r => r.Id == c.ResponseId && r.Status == ResponseStatus.Submitted));
        builder.Entity<TenderDocument>().HasQueryFilter(c =>
            db.Set<ResponseOpening>().Any(o => o.OpportunityId == c.OpportunityId && o.SecondOpenedAt != null) &&
            db.Set<TenderResponse>().Any(r => r.Id == c.ResponseId && r.Status == ResponseStatus.Submitted));
    }

    /// <summary>
    /// A provider's own response content, sealed or not: the rows of <paramref name="responseId"/> only when that
    /// response is <paramref name="providerId"/>'s. The provider id must come from the signed-in user, never from input.
    /// </summary>
    public static IQueryable<T> OwnContent<T>(this PortalDbContext db, Guid providerId, Guid responseId) where T : class, ISealedContent =>
        db.Set<T>().IgnoreQueryFilters()
            .Where(c => c.ResponseId == responseId && db.Set<TenderResponse>().Any(r => r.Id == responseId && r.ProviderId == providerId));
}
