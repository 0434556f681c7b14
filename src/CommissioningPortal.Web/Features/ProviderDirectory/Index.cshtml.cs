using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// The public provider directory: filter by where, who for, what kind of support, verified,
/// capacity, price ceiling, language and being on an authority's framework, plus free text; results in order of fit; CSV download.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DirectorySearch search, FrameworkDirectory frameworks, Shortlists shortlists, PassportSummaries passports, TimeProvider clock) : PageModel
{
    /// <summary>The CSV download's cap: a spreadsheet of everything, not a scrape of the portal.</summary>
    public const int ExportLimit = 5_000;

    // Raw strings so whatever was typed is kept and a bad value gets a named message, not a binder error.
    [BindProperty(SupportsGet = true)] public string? Locality { get; set; }
    [BindProperty(SupportsGet = true)] public string? ClientGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? SupportType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Verified { get; set; }
    [BindProperty(SupportsGet = true)] public bool Capacity { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxRate { get; set; }
    [BindProperty(SupportsGet = true)] public string? RateUnit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    /// <summary>The code of an authority whose framework the provider must be on.</summary>
    [BindProperty(SupportsGet = true)] public string? Framework { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DirectoryReference Reference { get; private set; } = null!;

    /// <summary>Authorities with a live framework: the "On the framework of" choices.</summary>
    public IReadOnlyList<Authority> FrameworkAuthorities { get; private set; } = [];
    public DirectoryPage? Results { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public bool AnyFilter { get; private set; }

    /// <summary>The shown providers the signed-in person has shortlisted; null if they keep no shortlist.</summary>
    public HashSet<Guid>? Saved { get; private set; }

    /// <summary>For practitioners: each shown provider's passport (what is verified, until when).</summary>
    public ILookup<Guid, PassportSummary>? Passports { get; private set; }

    public ShortlistButton ShortlistButtonFor(DirectoryResult r) =>
        new(r.ProviderId, r.ProviderName, ShortlistButton.For(User, Saved, r.ProviderId), Request.Path + Request.QueryString);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Reference = await search.ReferenceAsync(ct);
        FrameworkAuthorities = await frameworks.AuthoritiesWithLiveFrameworksAsync(ct);
        var query = Validate();
        if (query is null) return InvalidQuery();
        Results = await search.SearchAsync(query, Now, ct);
        if (Results.Results.Count > 0 && User.Identity?.IsAuthenticated == true)
        {
            var providerIds = Results.Results.Select(r => r.ProviderId).Distinct().ToList();
            if (Shortlists.CanUse(User)) Saved = await shortlists.SavedAsync(Shortlists.UserIdOf(User), providerIds, ct);
            if (PassportSummaries.CanSee(User)) Passports = await passports.ForAsync(providerIds, Now, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Reference = await search.ReferenceAsync(ct);
        FrameworkAuthorities = await frameworks.AuthoritiesWithLiveFrameworksAsync(ct);
        var query = Validate();
        if (query is null) return InvalidQuery();
        var rows = await search.AllAsync(query, Now, ExportLimit, ct);
        return File(Csv.Bytes(
            ["Service", "Provider", "Kind of provider", "Verified", "Support types", "Client groups", "Rates", "Hours free a week", "Earliest start", "Capacity confirmed", "Capacity out of date", "Profile"],
            rows, r =>
            [
                r.ServiceName, r.ProviderName, Provider.KindDisplayName(r.Kind), r.Verified,
                string.Join("; ", r.SupportTypes.Select(c => Reference.Label(ReferenceSchemes.SupportType, c))),
                string.Join("; ", r.ClientGroups.Select(c => Reference.Label(ReferenceSchemes.ClientGroup, c))),
                r.RatesText, r.HoursFreePerWeek, r.EarliestStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.CapacityConfirmedAt, r.CapacityStale, $"{Request.Scheme}://{Request.Host}/directory/{r.ProviderId}",
            ]), Csv.ContentType, "provider-directory.csv");
    }

    /// <summary>The page with the fields it could not understand named, and no results.</summary>
    private IActionResult InvalidQuery()
    {
        Results = null;
        return this.BadRequestPage();
    }

    /// <summary>The query, or null with a message per field that cannot be understood.</summary>
    private DirectoryQuery? Validate()
    {
        Guid? locality = null;
        if (!string.IsNullOrWhiteSpace(Locality))
        {
            if (Guid.TryParse(Locality, out var id) && Reference.LocalityById(id) is not null) locality = id;
            else ModelState.AddModelError(nameof(Locality), "Choose an area from the list.");
        }
        if (!string.IsNullOrWhiteSpace(ClientGroup) && Reference.ClientGroups.All(t => t.Code != ClientGroup))
        {
            ModelState.AddModelError(nameof(ClientGroup), "Choose who the support is for from the list.");
        }
        if (!string.IsNullOrWhiteSpace(SupportType) && Reference.SupportTypes.All(t => t.Code != SupportType))
        {
            ModelState.AddModelError(nameof(SupportType), "Choose a type of support from the list.");
        }
        ProviderKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (Enum.TryParse<ProviderKind>(Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _)) kind = k;
            else ModelState.AddModelError(nameof(Kind), "Choose a kind of provider from the list.");
        }
        var unit = Domain.Marketplace.RateUnit.PerHour;
        if (!string.IsNullOrWhiteSpace(RateUnit) && !FormInput.TryParseRateUnit(RateUnit, out unit))
        {
            ModelState.AddModelError(nameof(RateUnit), "Choose per hour, per night, per session or per week.");
        }
        int? maxPence = null;
        if (!string.IsNullOrWhiteSpace(MaxRate))
        {
            if (FormInput.TryParsePounds(MaxRate, out var pence, allowZero: true)) maxPence = pence;
            else ModelState.AddModelError(nameof(MaxRate), "Enter the most you want to pay as an amount in pounds, like 25 or 22.50.");
        }
        if (!string.IsNullOrWhiteSpace(Language) && !ServiceLanguages.Names.ContainsKey(Language))
        {
            ModelState.AddModelError(nameof(Language), "Choose a language from the list.");
        }
        Guid? onFrameworkOf = null;
        if (!string.IsNullOrWhiteSpace(Framework))
        {
            if (FrameworkAuthorities.FirstOrDefault(a => string.Equals(a.Code, Framework.Trim(), StringComparison.OrdinalIgnoreCase)) is { } authority) onFrameworkOf = authority.Id;
            else ModelState.AddModelError(nameof(Framework), "Choose an authority with a framework from the list.");
        }
        if (Q is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(Q), "Search words must be 200 characters or fewer.");
        }
        if (!ModelState.IsValid) return null;

        AnyFilter = locality is not null || !string.IsNullOrWhiteSpace(ClientGroup) || !string.IsNullOrWhiteSpace(SupportType) || kind is not null ||
                    Verified || Capacity || maxPence is not null || !string.IsNullOrWhiteSpace(Language) || !string.IsNullOrWhiteSpace(Q) ||
                    onFrameworkOf is not null;
        return new DirectoryQuery
        {
            Locality = locality,
            ClientGroup = NullIfEmpty(ClientGroup),
            SupportType = NullIfEmpty(SupportType),
            Kind = kind,
            VerifiedOnly = Verified,
            CapacityNow = Capacity,
            MaxRatePence = maxPence,
            RateUnit = unit,
            Language = NullIfEmpty(Language),
            OnFrameworkOf = onFrameworkOf,
            Text = NullIfEmpty(Q),
            Page = PageNumber,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>This search's query string with another page number (for paging and the CSV link).</summary>
    public string QueryString(int? page = null, string? handler = null)
    {
        var pairs = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) pairs.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("handler", handler);
        Add("q", Q);
        Add("locality", Locality);
        Add("clientGroup", ClientGroup);
        Add("supportType", SupportType);
        Add("kind", Kind);
        if (Verified) Add("verified", "true");
        if (Capacity) Add("capacity", "true");
        Add("maxRate", MaxRate);
        if (!string.IsNullOrWhiteSpace(MaxRate)) Add("rateUnit", RateUnit);
        Add("language", Language);
        Add("framework", Framework);
        if (page is > 1) Add("p", page.Value.ToString(CultureInfo.InvariantCulture));
        return pairs.Count == 0 ? "/directory" : "/directory?" + string.Join("&", pairs);
    }
}
