using System.Text;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Domain.Marketplace;

public enum RateUnit
{
    PerHour = 0,
    PerNight = 1,
    PerSession = 2,
    PerWeek = 3,
}

/// <summary>
/// What a provider offers: support types for client groups, in localities of one or more
/// authorities, with languages, accessibility, rates and capacity, described in plain language.
/// <para>
/// Its areas, rates and capacity change only through its methods, which hold their rules (a new rate
/// supersedes the same unit's from its start date; hours free are 0–168); <see cref="RecordChange"/>
/// says who changed it last, so someone whose save meets a newer version can be told whose it is.
/// </para>
/// </summary>
public sealed class Service : IVersioned
{
    /// <summary>Capacity not confirmed for this long is shown as stale.</summary>
    public static readonly TimeSpan CapacityFreshFor = TimeSpan.FromDays(30);

    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxAccessibilityNotesLength = 2000;

    private readonly List<ServiceArea> _areas = [];
    private readonly List<ServiceRate> _rates = [];

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }

    /// <summary>Plain-language description: what it is, who it is for, how it works.</summary>
    public required string Description { get; set; }

    /// <summary>Support-type reference term codes.</summary>
    public List<string> SupportTypes { get; set; } = [];

    /// <summary>Client-group reference term codes.</summary>
    public List<string> ClientGroups { get; set; } = [];

    /// <summary>Language codes (see <see cref="ServiceLanguages"/>).</summary>
    public List<string> Languages { get; set; } = [];

    public string? AccessibilityNotes { get; set; }

    /// <summary>The localities it is offered in; changed by <see cref="CoverLocalities"/>.</summary>
    public IReadOnlyList<ServiceArea> Areas => _areas;

    /// <summary>Its prices, past, present and announced; added by <see cref="AddRate"/>.</summary>
    public IReadOnlyList<ServiceRate> Rates => _rates;

    public int? HoursFreePerWeek { get; private set; }
    public DateOnly? EarliestStart { get; private set; }
    public DateTimeOffset? CapacityConfirmedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When and by whom it was last changed (<see cref="RecordChange"/>); null by whom when made by the portal itself.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    public int Version { get; set; }

    /// <summary>
    /// The provider's <see cref="Provider.VerifiedThrough"/>, copied (by <see cref="Reindex"/> and
    /// <see cref="ProviderVerification.Refresh"/>) so ordering by fit reads one narrow index, no join.
    /// </summary>
    public DateOnly? ProviderVerifiedThrough { get; internal set; }

    /// <summary>Lower-case text the free-text search looks in (kept by <see cref="Reindex"/>).</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>One row per filterable value (kept by <see cref="Reindex"/>), so filters are index seeks.</summary>
    public List<ServiceTag> Tags { get; private set; } = [];

    public bool HasCapacityOn(DateOnly today) =>
        HoursFreePerWeek > 0 && (EarliestStart is null || EarliestStart.Value <= today);

    public bool IsCapacityStale(DateTimeOffset now) => IsStale(CapacityConfirmedAt, now);

    public static bool IsStale(DateTimeOffset? confirmedAt, DateTimeOffset now) =>
        confirmedAt is null || now - confirmedAt.Value > CapacityFreshFor;

    /// <summary>The rate in effect on <paramref name="today"/> for a unit, if any.</summary>
    public ServiceRate? RateOn(RateUnit unit, DateOnly today) =>
        Rates.Where(r => r.Unit == unit && r.IsEffectiveOn(today)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();

    public void ConfirmCapacity(int? hoursFreePerWeek, DateOnly? earliestStart, DateTimeOffset at)
    {
        if (hoursFreePerWeek is < 0 or > 168) throw new ArgumentOutOfRangeException(nameof(hoursFreePerWeek), "Hours free a week must be between 0 and 168.");
        HoursFreePerWeek = hoursFreePerWeek;
        EarliestStart = earliestStart;
        CapacityConfirmedAt = at;
    }

    /// <summary>Offers the service in exactly these localities: areas no longer wanted go, new ones are added, the rest stay.</summary>
    public void CoverLocalities(IEnumerable<(Guid AuthorityId, Guid LocalityId)> localities)
    {
        var wanted = localities.DistinctBy(l => l.LocalityId).ToList();
        _areas.RemoveAll(a => wanted.All(l => l.LocalityId != a.LocalityId));
        foreach (var (authorityId, localityId) in wanted.Where(l => _areas.All(a => a.LocalityId != l.LocalityId)))
        {
            _areas.Add(new ServiceArea { ServiceId = Id, AuthorityId = authorityId, LocalityId = localityId });
        }
    }

    /// <summary>
    /// A new price from <paramref name="from"/>: it supersedes the same unit's rates from that day
    /// (those starting on or after it are dropped, the one running then ends the day before);
    /// earlier periods are kept, since agreements were made at them.
    /// </summary>
    public ServiceRate AddRate(int amountPence, RateUnit unit, DateOnly from)
    {
        if (amountPence <= 0) throw new ArgumentOutOfRangeException(nameof(amountPence), "A rate must be more than nothing.");
        _rates.RemoveAll(r => r.Unit == unit && r.EffectiveFrom >= from);
        foreach (var open in _rates.Where(r => r.Unit == unit && (r.EffectiveTo is null || r.EffectiveTo >= from)))
        {
            open.EffectiveTo = from.AddDays(-1);
        }
        var rate = new ServiceRate { ServiceId = Id, AmountPence = amountPence, Unit = unit, EffectiveFrom = from };
        _rates.Add(rate);
        return rate;
    }

    /// <summary>Who changed it, and when: what someone whose save meets this version is told.</summary>
    public void RecordChange(DateTimeOffset at, string? by)
    {
        UpdatedAt = at;
        UpdatedBy = by;
    }

    /// <summary>Rebuilds the search tags and text from the service and its provider.</summary>
    public void Reindex(Provider provider)
    {
        ProviderVerifiedThrough = provider.VerifiedThrough;
        var wanted = new HashSet<string>(StringComparer.Ordinal) { ServiceTag.ForKind(provider.Kind) };
        foreach (var code in SupportTypes) wanted.Add(ServiceTag.ForSupportType(code));
        foreach (var code in ClientGroups) wanted.Add(ServiceTag.ForClientGroup(code));
        foreach (var code in Languages) wanted.Add(ServiceTag.ForLanguage(code));
        foreach (var area in Areas)
        {
            wanted.Add(ServiceTag.ForAuthority(area.AuthorityId));
            wanted.Add(ServiceTag.ForLocality(area.LocalityId));
        }
        Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var tag in wanted.Where(w => Tags.All(t => t.Tag != w))) Tags.Add(new ServiceTag { ServiceId = Id, Tag = tag });

        var text = new StringBuilder().Append(Name).Append(' ').Append(provider.Name).Append(' ').Append(Description);
        if (AccessibilityNotes is not null) text.Append(' ').Append(AccessibilityNotes);
        foreach (var code in SupportTypes.Concat(ClientGroups)) text.Append(' ').Append(code.Replace('-', ' '));
        foreach (var code in Languages.Where(l => l != "en")) text.Append(' ').Append(ServiceLanguages.NameOf(code));
        SearchText = text.ToString().ToLowerInvariant();
    }
}

/// <summary>A locality of an authority the service covers.</summary>
public sealed class ServiceArea
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Guid AuthorityId { get; set; }
    public Guid LocalityId { get; set; }
}

/// <summary>A price, in pence, for a unit of service, from a date (and optionally to a date).</summary>
public sealed class ServiceRate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public int AmountPence { get; set; }
    public RateUnit Unit { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last day the rate applies; null while current.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public decimal Amount => AmountPence / 100m;

    /// <summary>How the rate reads everywhere it is shown, e.g. "£19.25 per hour".</summary>
    public string Text => TextOf(AmountPence, Unit);

    /// <summary>"£19.25 per hour": how a price reads everywhere it is shown.</summary>
    public static string TextOf(int amountPence, RateUnit unit) =>
        $"£{(amountPence / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {UnitDisplayName(unit)}";

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo.Value);

    public static string UnitDisplayName(RateUnit unit) => unit switch
    {
        RateUnit.PerHour => "per hour",
        RateUnit.PerNight => "per night",
        RateUnit.PerSession => "per session",
        RateUnit.PerWeek => "per week",
        _ => unit.ToString(),
    };
}

/// <summary>
/// A filterable value of a service ("st:personal-care", "cg:dementia", "l:{locality}") — the
/// primary key (Tag, ServiceId) is the index every directory filter seeks in.
/// </summary>
public sealed class ServiceTag
{
    public required string Tag { get; set; }
    public Guid ServiceId { get; set; }

    public static string ForSupportType(string code) => "st:" + code;
    public static string ForClientGroup(string code) => "cg:" + code;
    public static string ForLanguage(string code) => "lang:" + code;
    public static string ForKind(ProviderKind kind) => "k:" + (int)kind;
    public static string ForAuthority(Guid id) => "a:" + id.ToString("N");
    public static string ForLocality(Guid id) => "l:" + id.ToString("N");
}

/// <summary>Languages a service can be offered in (ISO 639 codes), with the names people know them by.</summary>
public static class ServiceLanguages
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["gd"] = "Scottish Gaelic",
        ["bfi"] = "British Sign Language",
        ["pl"] = "Polish",
        ["ur"] = "Urdu",
        ["pa"] = "Punjabi",
        ["ar"] = "Arabic",
        ["zh"] = "Chinese",
        ["ro"] = "Romanian",
        ["uk"] = "Ukrainian",
    };

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
