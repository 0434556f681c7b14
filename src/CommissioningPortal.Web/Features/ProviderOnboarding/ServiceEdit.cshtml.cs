using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// <c>/provider/services/edit/{id?}</c>: add or change a service (<see cref="SaveService"/>). The form
/// carries the version it was opened on; when a colleague saved the service meanwhile, the page
/// answers 409 naming them, shows their version beside what was typed (kept in the form), and
/// saving again replaces theirs.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[OneTimeForm]
public sealed class ServiceEditModel(SaveService save, DirectorySearch directory, TimeProvider clock) : PageModel
{
    /// <summary>One line of the "their version and yours" comparison.</summary>
    public sealed record Difference(string Label, string Theirs, string Yours);

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public int? SeenVersion { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> SupportTypes { get; set; } = [];
    [BindProperty] public List<string> ClientGroups { get; set; } = [];
    [BindProperty] public List<string> Localities { get; set; } = [];
    [BindProperty] public List<string> Languages { get; set; } = [];
    [BindProperty] public string? AccessibilityNotes { get; set; }
    [BindProperty] public string? RateAmount { get; set; }
    [BindProperty] public string? RateUnit { get; set; }
    [BindProperty] public string? RateFrom { get; set; }
    [BindProperty] public string? HoursFreePerWeek { get; set; }
    [BindProperty] public string? EarliestStart { get; set; }

    public Service? Existing { get; private set; }
    public DirectoryReference Reference { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>After a conflict: who saved the service meanwhile, and how their version differs from what was typed.</summary>
    public IReadOnlyList<Difference> Differences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } s)
        {
            SeenVersion = s.Version;
            Name = s.Name;
            Description = s.Description;
            SupportTypes = [.. s.SupportTypes];
            ClientGroups = [.. s.ClientGroups];
            Localities = s.Areas.Select(a => a.LocalityId.ToString()).ToList();
            Languages = [.. s.Languages];
            AccessibilityNotes = s.AccessibilityNotes;
            HoursFreePerWeek = s.HoursFreePerWeek?.ToString(CultureInfo.InvariantCulture);
            EarliestStart = s.EarliestStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else Languages = ["en"];
        RateFrom = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.HandleAsync(new SaveService.Input(Id, SeenVersion, Name, Description, SupportTypes, ClientGroups, Localities, Languages,
            AccessibilityNotes, RateAmount, RateUnit, RateFrom, HoursFreePerWeek, EarliestStart), Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = $"{result.Value!.Name} saved.";
            return Redirect("/provider/services");
        }
        if (!await LoadAsync(ct)) return NotFound();
        if (result is { Outcome: UseCaseOutcome.Conflict, Value: { } theirs })
        {
            // Saving again from here is made on their version, knowingly.
            Existing = theirs;
            SeenVersion = theirs.Version;
            ModelState.Remove(nameof(SeenVersion));
            Differences = Compare(theirs);
        }
        return this.Refused(result);
    }

    private List<Difference> Compare(Service theirs)
    {
        // What was posted may hold empty entries (an empty value binds as null): they name nothing, so they show as nothing.
        static IEnumerable<string> Named(IEnumerable<string?> codes) => codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Order();
        string Codes(IEnumerable<string?> codes, string scheme) => string.Join(", ", Named(codes).Select(c => Reference.Label(scheme, c)));
        string Areas(IEnumerable<string?> ids) => string.Join(", ", Named(ids).Select(i => Guid.TryParse(i, out var g) ? Reference.LocalityById(g)?.Name : null).OfType<string>().Order());
        string LanguageNames(IEnumerable<string?> codes) => string.Join(", ", Named(codes).Select(ServiceLanguages.NameOf));
        var newRate = string.IsNullOrWhiteSpace(RateAmount)
            ? "No new rate"
            : $"£{RateAmount.Trim().TrimStart('£')} {(Enum.TryParse<RateUnit>(RateUnit, out var unit) ? ServiceRate.UnitDisplayName(unit) : RateUnit)} from {(string.IsNullOrWhiteSpace(RateFrom) ? "today" : RateFrom)}";
        Difference[] all =
        [
            new("Name", theirs.Name, Name ?? ""),
            new("What it is", theirs.Description, Description ?? ""),
            new("Kind of support", Codes(theirs.SupportTypes, ReferenceSchemes.SupportType), Codes(SupportTypes, ReferenceSchemes.SupportType)),
            new("Who it is for", Codes(theirs.ClientGroups, ReferenceSchemes.ClientGroup), Codes(ClientGroups, ReferenceSchemes.ClientGroup)),
            new("Areas", Areas(theirs.Areas.Select(a => a.LocalityId.ToString())), Areas(Localities)),
            new("Languages", LanguageNames(theirs.Languages), LanguageNames(Languages)),
            new("Accessibility", theirs.AccessibilityNotes ?? "", AccessibilityNotes?.Trim() ?? ""),
            new("Rates", ServicesModel.RatesText(theirs, Today) is { Length: > 0 } rates ? rates : "None now", newRate),
            new("Hours free a week", theirs.HoursFreePerWeek?.ToString(CultureInfo.InvariantCulture) ?? "", HoursFreePerWeek?.Trim() ?? ""),
            new("Earliest start", theirs.EarliestStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", EarliestStart?.Trim() ?? ""),
        ];
        return all.Where(d => d.Label == "Rates" || d.Theirs != d.Yours).ToList();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Reference = await directory.ReferenceAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Id is not { } id) return true;
        Existing = User.ProviderIdOf() is { } providerId ? await save.LoadAsync(id, providerId, tracked: false, ct) : null;
        return Existing is not null;
    }
}
