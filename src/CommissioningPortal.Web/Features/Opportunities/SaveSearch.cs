using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Reference;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// A provider saves a search (kind, CPV code, locality, client group) to hear of new opportunities at once or
/// in a daily digest, or deletes one. The CPV code is checked against the reference list (with or without its
/// check digit), the locality and client group against theirs.
/// </summary>
public sealed class SaveSearch(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Kind, string? Cpv, string? Locality, string? ClientGroup, string? Frequency);

    public async Task<UseCaseResult<SavedSearch>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return UseCaseResult<SavedSearch>.NotFound();
        var errors = new FieldErrors();
        OpportunityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            if (Enum.TryParse<OpportunityKind>(input.Kind, true, out var k) && Enum.IsDefined(k) && !int.TryParse(input.Kind, out _)) kind = k;
            else errors.Add(nameof(Input.Kind), "Choose a kind of opportunity from the list.");
        }
        string? cpv = null;
        if (!string.IsNullOrWhiteSpace(input.Cpv))
        {
            var known = await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.Cpv).Select(t => new { t.Code, t.Label }).ToListAsync(ct);
            var codes = OpportunityFormReader.ReadCpv(input.Cpv, known.Select(k => (k.Code, k.Label)).ToList(), errors, nameof(Input.Cpv));
            if (codes.Count > 1) errors.Add(nameof(Input.Cpv), "Enter one CPV code per saved search.");
            cpv = codes.FirstOrDefault();
        }
        string? locality = null;
        if (!string.IsNullOrWhiteSpace(input.Locality))
        {
            var keys = await LocalityKeysAsync(ct);
            if (keys.ContainsKey(input.Locality.Trim())) locality = input.Locality.Trim();
            else errors.Add(nameof(Input.Locality), "Choose a locality from the list.");
        }
        string? clientGroup = null;
        if (!string.IsNullOrWhiteSpace(input.ClientGroup))
        {
            var code = input.ClientGroup.Trim();
            if (await db.ReferenceTerms.AnyAsync(t => t.Scheme == ReferenceSchemes.ClientGroup && t.Code == code, ct)) clientGroup = code;
            else errors.Add(nameof(Input.ClientGroup), "Choose a client group from the list.");
        }
        AlertFrequency frequency = AlertFrequency.Immediately;
        if (!Enum.TryParse(input.Frequency, true, out frequency) || !Enum.IsDefined(frequency) || int.TryParse(input.Frequency, out _))
            errors.Add(nameof(Input.Frequency), "Choose how often to hear about new opportunities: at once, or a daily digest.");
        if (!errors.Any && kind is null && cpv is null && locality is null && clientGroup is null)
            errors.Add(nameof(Input.Kind), "Choose at least one thing to search for: a kind, a CPV code, a locality or a client group.");
        if (!errors.Any && await db.SavedSearches.CountAsync(s => s.UserId == userId, ct) >= SavedSearch.MaxPerUser)
            errors.Add(FieldError.Form, $"You can save at most {SavedSearch.MaxPerUser} searches. Delete one first.");
        if (errors.Any) return errors.Invalid<SavedSearch>();

        var search = SavedSearch.Create(userId, kind, cpv, locality, clientGroup, frequency, clock.GetUtcNow());
        db.SavedSearches.Add(search);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<SavedSearch>.Done(search);
    }

    public async Task<UseCaseResult<SavedSearch>> DeleteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == actor.UserId, ct);
        if (search is null) return UseCaseResult<SavedSearch>.NotFound();
        db.SavedSearches.Remove(search);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<SavedSearch>.Done(search);
    }

    /// <summary>Every authority's localities: key ("{authority id:N}/{code}") → "Locality (Authority)".</summary>
    public async Task<Dictionary<string, string>> LocalityKeysAsync(CancellationToken ct) =>
        (await db.Localities.AsNoTracking().Join(db.Authorities, l => l.AuthorityId, a => a.Id, (l, a) => new { l.AuthorityId, l.Code, l.Name, Authority = a.Name }).ToListAsync(ct))
        .OrderBy(l => l.Authority).ThenBy(l => l.Name)
        .ToDictionary(l => SavedSearch.LocalityKey(l.AuthorityId, l.Code), l => $"{l.Name} ({l.Authority})");
}
