using System.Linq.Expressions;

namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// Who is "on the framework of" an authority: a provider admitted (not suspended or withdrawn,
/// admitted on or before the day) to a lot of a live framework of that authority whose dates
/// cover the day. <see cref="Counts"/> says it in C#; <see cref="InForceOn"/> and
/// <see cref="StandsOn"/> say the same as expressions a query can run in SQL, so the directory's
/// queries state it once.
/// </summary>
public static class FrameworkMembership
{
    /// <summary>Whether <paramref name="member"/> (of a lot of <paramref name="framework"/>) puts its provider on the framework of <paramref name="authorityId"/> on <paramref name="day"/>.</summary>
    public static bool Counts(Framework framework, LotMember member, Guid authorityId, DateOnly day) =>
        framework.AuthorityId == authorityId && framework.IsInForceOn(day) &&
        member.Status == LotMemberStatus.Admitted && member.AdmittedOn <= day;

    /// <summary>Whether the provider is on any lot of any of <paramref name="frameworks"/> of the authority on the day.</summary>
    public static bool IsOnFrameworkOf(Guid providerId, Guid authorityId, DateOnly day, IEnumerable<Framework> frameworks) =>
        frameworks.Any(f => f.Lots.Any(l => l.Members.Any(m => m.ProviderId == providerId && Counts(f, m, authorityId, day))));

    /// <summary><see cref="Framework.IsInForceOn"/> as a query filter: live, and its dates cover <paramref name="day"/>.</summary>
    public static Expression<Func<Framework, bool>> InForceOn(DateOnly day) =>
        f => f.Status == FrameworkStatus.Live && (f.StartsOn == null || f.StartsOn <= day) && (f.EndsOn == null || f.EndsOn >= day);

    /// <summary>The member's side of <see cref="Counts"/> as a query filter: admitted, on or before <paramref name="day"/>.</summary>
    public static Expression<Func<LotMember, bool>> StandsOn(DateOnly day) =>
        m => m.Status == LotMemberStatus.Admitted && m.AdmittedOn <= day;
}
