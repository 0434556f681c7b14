namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// Who is "on the framework of" an authority: a provider admitted (not suspended or withdrawn,
/// admitted on or before the day) to a lot of a live framework of that authority whose dates
/// cover the day. The directory's query (ProviderDirectory.FrameworkDirectory) says the same in SQL.
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
}
