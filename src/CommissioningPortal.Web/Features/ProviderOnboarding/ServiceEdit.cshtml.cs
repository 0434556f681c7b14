using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// <c>/provider/services/edit/{id?}</c>: add or change a service — what, who for, where, languages,
/// accessibility, a new rate from a date, and capacity (saving confirms it). The search tags are
/// rebuilt and the provider's verification copied on, so the directory shows it once verified.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[OneTimeForm]
public sealed class ServiceEditModel(PortalDbContext db, DirectorySearch directory, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } s)
        {
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
        if (!await LoadAsync(ct)) return NotFound();
        var now = clock.GetUtcNow();

        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the name of the service");
        else if (Name.Trim().Length > 200) ModelState.AddModelError(nameof(Name), "The name must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(Description)) ModelState.AddModelError(nameof(Description), "Describe the service in a few plain sentences");
        else if (Description.Trim().Length > 4000) ModelState.AddModelError(nameof(Description), "The description must be 4,000 characters or fewer");
        if (AccessibilityNotes?.Trim().Length > 2000) ModelState.AddModelError(nameof(AccessibilityNotes), "The accessibility notes must be 2,000 characters or fewer");

        var supportTypes = SupportTypes.Where(c => Reference.SupportTypes.Any(t => t.Code == c)).Distinct().ToList();
        if (supportTypes.Count == 0 || supportTypes.Count != SupportTypes.Distinct().Count()) ModelState.AddModelError(nameof(SupportTypes), "Choose at least one kind of support from the list");
        var clientGroups = ClientGroups.Where(c => Reference.ClientGroups.Any(t => t.Code == c)).Distinct().ToList();
        if (clientGroups.Count == 0 || clientGroups.Count != ClientGroups.Distinct().Count()) ModelState.AddModelError(nameof(ClientGroups), "Choose at least one group of people from the list");
        var localities = Localities.Select(l => Guid.TryParse(l, out var g) ? Reference.LocalityById(g) : null).ToList();
        if (localities.Count == 0 || localities.Any(l => l is null)) ModelState.AddModelError(nameof(Localities), "Choose at least one area you cover from the list");
        var languages = Languages.Distinct().ToList();
        if (languages.Count == 0 || languages.Any(l => !ServiceLanguages.Names.ContainsKey(l))) ModelState.AddModelError(nameof(Languages), "Choose at least one language from the list");

        ServiceRate? newRate = null;
        var anyRate = !string.IsNullOrWhiteSpace(RateAmount);
        if (anyRate)
        {
            if (!FormInput.TryParsePounds(RateAmount!, out var pence))
            {
                ModelState.AddModelError(nameof(RateAmount), "Enter the rate in pounds and pence, like 18.50");
            }
            if (!Enum.TryParse<RateUnit>(RateUnit, out var unit) || !Enum.IsDefined(unit)) ModelState.AddModelError(nameof(RateUnit), "Choose what the rate is for: per hour, night, session or week");
            DateOnly from = Today;
            if (!string.IsNullOrWhiteSpace(RateFrom) && !DateOnly.TryParseExact(RateFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            {
                ModelState.AddModelError(nameof(RateFrom), "Enter the date the rate starts as a real date, like 2027-04-01");
            }
            if (ModelState.IsValid) newRate = new ServiceRate { AmountPence = pence, Unit = unit, EffectiveFrom = from };
        }
        else if (Existing is null || Existing.Rates.Count == 0)
        {
            ModelState.AddModelError(nameof(RateAmount), "Enter a rate, like 18.50 per hour");
        }

        int? hours = null;
        if (!string.IsNullOrWhiteSpace(HoursFreePerWeek))
        {
            if (int.TryParse(HoursFreePerWeek.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= 168) hours = h;
            else ModelState.AddModelError(nameof(HoursFreePerWeek), "Enter the hours free a week as a whole number from 0 to 168");
        }
        else ModelState.AddModelError(nameof(HoursFreePerWeek), "Enter how many hours a week you have free (0 if you are full)");
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(EarliestStart))
        {
            if (DateOnly.TryParseExact(EarliestStart.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) start = d;
            else ModelState.AddModelError(nameof(EarliestStart), "Enter the earliest start as a real date, like 2027-01-04");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var providerId = User.ProviderIdOf()!.Value;
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        var service = Existing;
        if (service is null)
        {
            service = new Service { ProviderId = providerId, Name = Name!.Trim(), Description = Description!.Trim(), CreatedAt = now };
            db.Services.Add(service);
        }
        service.Name = Name!.Trim();
        service.Description = Description!.Trim();
        service.SupportTypes = supportTypes;
        service.ClientGroups = clientGroups;
        service.Languages = languages;
        service.AccessibilityNotes = string.IsNullOrWhiteSpace(AccessibilityNotes) ? null : AccessibilityNotes.Trim();
        var wanted = localities.Select(l => l!).ToList();
        service.Areas.RemoveAll(a => wanted.All(l => l.Id != a.LocalityId));
        foreach (var locality in wanted.Where(l => service.Areas.All(a => a.LocalityId != l.Id)))
        {
            service.Areas.Add(new ServiceArea { ServiceId = service.Id, AuthorityId = locality.AuthorityId, LocalityId = locality.Id });
        }
        if (newRate is not null)
        {
            // A new rate supersedes the same unit's rate from its start date; earlier periods are kept for agreements.
            service.Rates.RemoveAll(r => r.Unit == newRate.Unit && r.EffectiveFrom >= newRate.EffectiveFrom);
            foreach (var open in service.Rates.Where(r => r.Unit == newRate.Unit && (r.EffectiveTo is null || r.EffectiveTo >= newRate.EffectiveFrom)))
            {
                open.EffectiveTo = newRate.EffectiveFrom.AddDays(-1);
            }
            newRate.ServiceId = service.Id;
            service.Rates.Add(newRate);
        }
        // Saving the form is the provider saying "this is my capacity now".
        service.ConfirmCapacity(hours, start, now);
        service.UpdatedAt = now;
        service.Reindex(provider);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"{service.Name} saved.";
        return Redirect("/provider/services");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Reference = await directory.ReferenceAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Id is not { } id) return true;
        var providerId = User.ProviderIdOf();
        Existing = await db.Services.Include(s => s.Rates).Include(s => s.Areas).Include(s => s.Tags)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id && s.ProviderId == providerId, ct);
        return Existing is not null;
    }
}
