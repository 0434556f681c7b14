namespace CommissioningPortal.Domain.Opportunities;

/// <summary>A signed-in user follows one opportunity: every amendment reaches them by e-mail.</summary>
public sealed class OpportunityFollow
{
    private OpportunityFollow()
    {
    }

    public OpportunityFollow(Guid opportunityId, string userId, DateTimeOffset at)
    {
        OpportunityId = opportunityId;
        UserId = userId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>How often a saved search sends what it finds.</summary>
public enum AlertFrequency
{
    /// <summary>One e-mail for each opportunity as it is published.</summary>
    Immediately = 0,

    /// <summary>One e-mail a day listing what was published since the last one (none when nothing was).</summary>
    DailyDigest = 1,
}

/// <summary>
/// A provider's saved search: opportunities of a kind, a CPV code, a locality and a client group (each
/// optional; at least one set). New publications that match reach them by e-mail, at once or daily.
/// </summary>
public sealed class SavedSearch
{
    public const int MaxPerUser = 20;

    private SavedSearch()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string UserId { get; private set; } = "";
    public OpportunityKind? Kind { get; private set; }

    /// <summary>Eight digits, no check digit (as opportunities store them).</summary>
    public string? Cpv { get; private set; }

    /// <summary>One authority's locality, as "{authority id:N}/{locality code}" (locality codes are the authority's own).</summary>
    public string? Locality { get; private set; }

    public static string LocalityKey(Guid authorityId, string code) => $"{authorityId:N}/{code}";

    public string? ClientGroup { get; private set; }
    public AlertFrequency Frequency { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the last daily digest covered up to (publications after it go in the next one).</summary>
    public DateTimeOffset? DigestedUpTo { get; private set; }

    /// <summary>A new saved search; null and a message when nothing would narrow it.</summary>
    public static SavedSearch Create(string userId, OpportunityKind? kind, string? cpv, string? locality, string? clientGroup, AlertFrequency frequency, DateTimeOffset at)
    {
        cpv = Clean(cpv);
        locality = Clean(locality);
        clientGroup = Clean(clientGroup);
        if (kind is null && cpv is null && locality is null && clientGroup is null)
            throw new OpportunityRuleException("Choose at least one thing to search for: a kind, a CPV code, a locality or a client group.", nameof(Kind));
        if (kind is { } k && !Enum.IsDefined(k)) throw new OpportunityRuleException("Choose a kind of opportunity from the list.", nameof(Kind));
        if (cpv is not null && !OpportunityDetails.IsCpvShape(cpv)) throw new OpportunityRuleException($"The CPV code \"{cpv}\" is not a CPV code: it is eight digits, like 85312000.", nameof(Cpv));
        if (!Enum.IsDefined(frequency)) throw new OpportunityRuleException("Choose how often to hear about new opportunities.", nameof(Frequency));
        return new SavedSearch
        {
            UserId = userId, Kind = kind, Cpv = cpv, Locality = locality, ClientGroup = clientGroup, Frequency = frequency, CreatedAt = at, DigestedUpTo = at,
        };
    }

    /// <summary>Whether a published opportunity is one this search asks about. A CPV code matches itself and the codes below it (85312000 finds 85312100).</summary>
    public bool Matches(Opportunity o) =>
        (Kind is null || o.Kind == Kind) &&
        (Cpv is null || o.CpvCodes.Any(c => c == Cpv || IsUnder(c, Cpv))) &&
        (Locality is null || o.Localities.Any(l => LocalityKey(o.AuthorityId, l) == Locality)) &&
        (ClientGroup is null || o.ClientGroups.Contains(ClientGroup));

    /// <summary>In words, for the list and the e-mail: "Open tender · CPV 85312000 · Older people".</summary>
    public string Describe(Func<string, string>? localityName = null, Func<string, string>? clientGroupName = null)
    {
        var parts = new List<string>();
        if (Kind is { } k) parts.Add(OpportunityNames.Kind(k));
        if (Cpv is { } c) parts.Add($"CPV {c}");
        if (Locality is { } l) parts.Add(localityName?.Invoke(l) ?? l);
        if (ClientGroup is { } g) parts.Add(clientGroupName?.Invoke(g) ?? g);
        return string.Join(" · ", parts);
    }

    /// <summary>CPV codes are a hierarchy by their significant digits: 85312000's children start 85312 and are not 85312000.</summary>
    private static bool IsUnder(string code, string parent)
    {
        var significant = parent.TrimEnd('0');
        return significant.Length > 1 && code.StartsWith(significant, StringComparison.Ordinal);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
