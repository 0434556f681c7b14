using System.Globalization;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// A provider adds a service or changes one: what, who for, where, languages, accessibility, a new
/// rate from a date, and capacity (saving confirms it). The areas and rates change through the
/// service's own methods, the search tags are rebuilt and the provider's verification copied on.
/// <para>
/// A change is made on the version the person opened (<see cref="Input.SeenVersion"/>, carried by
/// the form): if a colleague saved the service meanwhile, nothing is saved and the answer is a
/// conflict naming them, with the service as it is now so the page can show both versions; saving
/// again from there (on the new version) replaces theirs.
/// </para>
/// </summary>
public sealed class SaveService(PortalDbContext db, DirectorySearch directory, TimeProvider clock)
{
    public sealed record Input(
        Guid? ServiceId, int? SeenVersion, string? Name, string? Description, IReadOnlyList<string> SupportTypes, IReadOnlyList<string> ClientGroups,
        IReadOnlyList<string> Localities, IReadOnlyList<string> Languages, string? AccessibilityNotes,
        string? RateAmount, string? RateUnit, string? RateFrom, string? HoursFreePerWeek, string? EarliestStart);

    /// <summary>Done: the service saved. Conflict: the service as a colleague left it (with its areas and rates).</summary>
    public async Task<UseCaseResult<Service>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<Service>.NotFound();
        Service? service = null;
        if (input.ServiceId is { } id)
        {
            service = await LoadAsync(id, providerId, tracked: true, ct);
            if (service is null) return UseCaseResult<Service>.NotFound();
            if (service.Version != input.SeenVersion) return Conflict(service);
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reference = await directory.ReferenceAsync(ct);
        var errors = new FieldErrors();

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(nameof(Input.Name), "Enter the name of the service");
        else if (name.Length > Service.MaxNameLength) errors.Add(nameof(Input.Name), "The name must be 200 characters or fewer");
        else errors.Check(nameof(Input.Name), PlainText.LineProblem("The name", name));
        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description)) errors.Add(nameof(Input.Description), "Describe the service in a few plain sentences");
        else if (description.Length > Service.MaxDescriptionLength) errors.Add(nameof(Input.Description), "The description must be 4,000 characters or fewer");
        else errors.Check(nameof(Input.Description), PlainText.ParagraphsProblem("The description", description));
        var accessibility = string.IsNullOrWhiteSpace(input.AccessibilityNotes) ? null : input.AccessibilityNotes.Trim();
        if (accessibility?.Length > Service.MaxAccessibilityNotesLength) errors.Add(nameof(Input.AccessibilityNotes), "The accessibility notes must be 2,000 characters or fewer");
        else errors.Check(nameof(Input.AccessibilityNotes), PlainText.ParagraphsProblem("The accessibility notes", accessibility));

        var supportTypes = input.SupportTypes.Where(c => reference.SupportTypes.Any(t => t.Code == c)).Distinct().ToList();
        if (supportTypes.Count == 0 || supportTypes.Count != input.SupportTypes.Distinct().Count()) errors.Add(nameof(Input.SupportTypes), "Choose at least one kind of support from the list");
        var clientGroups = input.ClientGroups.Where(c => reference.ClientGroups.Any(t => t.Code == c)).Distinct().ToList();
        if (clientGroups.Count == 0 || clientGroups.Count != input.ClientGroups.Distinct().Count()) errors.Add(nameof(Input.ClientGroups), "Choose at least one group of people from the list");
        var localities = input.Localities.Select(l => Guid.TryParse(l, out var g) ? reference.LocalityById(g) : null).ToList();
        if (localities.Count == 0 || localities.Any(l => l is null)) errors.Add(nameof(Input.Localities), "Choose at least one area you cover from the list");
        var languages = input.Languages.Distinct().ToList();
        if (languages.Count == 0 || languages.Any(l => l is null || !ServiceLanguages.Names.ContainsKey(l))) errors.Add(nameof(Input.Languages), "Choose at least one language from the list");

        (int Pence, RateUnit Unit, DateOnly From)? rate = null;
        if (!string.IsNullOrWhiteSpace(input.RateAmount))
        {
            var amountOk = FormInput.TryParsePounds(input.RateAmount, out var pence);
            if (!amountOk) errors.Add(nameof(Input.RateAmount), "Enter the rate in pounds and pence, like 18.50");
            var unitOk = Enum.TryParse<RateUnit>(input.RateUnit, out var unit) && Enum.IsDefined(unit);
            if (!unitOk) errors.Add(nameof(Input.RateUnit), "Choose what the rate is for: per hour, night, session or week");
            var from = today;
            var fromOk = string.IsNullOrWhiteSpace(input.RateFrom) || TryParseIsoDate(input.RateFrom, out from);
            if (!fromOk) errors.Add(nameof(Input.RateFrom), "Enter the date the rate starts as a real date, like 2027-04-01");
            if (amountOk && unitOk && fromOk) rate = (pence, unit, from);
        }
        else if (service is null || service.Rates.Count == 0)
        {
            errors.Add(nameof(Input.RateAmount), "Enter a rate, like 18.50 per hour");
        }

        int? hours = null;
        if (string.IsNullOrWhiteSpace(input.HoursFreePerWeek)) errors.Add(nameof(Input.HoursFreePerWeek), "Enter how many hours a week you have free (0 if you are full)");
        else if (int.TryParse(input.HoursFreePerWeek.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= 168) hours = h;
        else errors.Add(nameof(Input.HoursFreePerWeek), "Enter the hours free a week as a whole number from 0 to 168");
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(input.EarliestStart))
        {
            if (TryParseIsoDate(input.EarliestStart, out var d)) start = d;
            else errors.Add(nameof(Input.EarliestStart), "Enter the earliest start as a real date, like 2027-01-04");
        }
        if (errors.Any) return errors.Invalid<Service>();

        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        if (service is null)
        {
            service = new Service { ProviderId = providerId, Name = name!, Description = description!, CreatedAt = now };
            db.Services.Add(service);
        }
        else
        {
            // Saved only if nobody saved it since the person opened it.
            db.Entry(service).Property(s => s.Version).OriginalValue = input.SeenVersion!.Value;
        }
        service.Name = name!;
        service.Description = description!;
        service.SupportTypes = supportTypes;
        service.ClientGroups = clientGroups;
        service.Languages = languages;
        service.AccessibilityNotes = accessibility;
        service.CoverLocalities(localities.Select(l => (l!.AuthorityId, l.Id)));
        if (rate is { } newRate) service.AddRate(newRate.Pence, newRate.Unit, newRate.From);
        // Saving the form is the provider saying "this is my capacity now".
        service.ConfirmCapacity(hours, start, now);
        service.RecordChange(now, actor.Name);
        service.Reindex(provider);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await LoadAsync(service.Id, providerId, tracked: false, ct) is { } theirs ? Conflict(theirs) : UseCaseResult<Service>.NotFound();
        }
        return UseCaseResult<Service>.Done(service);
    }

    /// <summary>The provider's service with its rates, areas (and, to change it, tags).</summary>
    public async Task<Service?> LoadAsync(Guid id, Guid providerId, bool tracked, CancellationToken ct)
    {
        var services = tracked ? db.Services.Include(s => s.Tags) : db.Services.AsNoTracking();
        return await services.Include(s => s.Rates).Include(s => s.Areas).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id && s.ProviderId == providerId, ct);
    }

    private static UseCaseResult<Service> Conflict(Service theirs) =>
        UseCaseResult<Service>.Conflict(
            $"{theirs.UpdatedBy ?? "Someone else"} changed this service at {theirs.UpdatedAt:HH:mm 'on' d MMMM yyyy}, after you opened it, so your changes were not saved. " +
            "Their version and yours are shown below: check yours and save again to replace theirs.", theirs);

    private static bool TryParseIsoDate(string typed, out DateOnly date) =>
        DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
