using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary>How the signed-in user stands to a person's record.</summary>
public enum PersonReader
{
    /// <summary>May not read it: the record does not exist for them (404).</summary>
    None,
    Person,
    Representative,

    /// <summary>A practitioner of the person's authority allocated to them.</summary>
    Practitioner,

    /// <summary>The provider the person chose (after the choice stands) or has an agreement with.</summary>
    ChosenProvider,
}

/// <summary>
/// Who may read a person's record (special-category health data): the person, their representative,
/// their authority's allocated practitioner and, after the person chose them, the chosen provider.
/// Nobody else, not even an administrator or a commissioner; a record someone may not read does not
/// exist for them. Every read is written to the person's access log, which they can see.
/// </summary>
public sealed class PersonRecordAccess(PortalDbContext db, TimeProvider clock)
{
    public async Task<PersonReader> ReaderOfAsync(ClaimsPrincipal user, SupportedPerson person, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return PersonReader.None;
        if (person.UserId == userId) return PersonReader.Person;
        if (person.RepresentativeUserId == userId) return PersonReader.Representative;
        if (user.IsInRole(Roles.Practitioner) && user.AuthorityIdOf() == person.AuthorityId && person.AllocatedPractitionerUserId == userId) return PersonReader.Practitioner;
        if (user.IsInRole(Roles.ProviderUser) && user.ProviderIdOf() is { } providerId)
        {
            var chosen = await db.SupportRequests.AsNoTracking()
                .Where(r => r.SupportedPersonId == person.Id && r.Status == RequestStatus.Chosen && r.ChosenOfferId != null)
                .AnyAsync(r => db.SupportOffers.Any(o => o.Id == r.ChosenOfferId && o.ProviderId == providerId), ct);
            if (chosen || await db.IsfAgreements.AsNoTracking().AnyAsync(a => a.SupportedPersonId == person.Id && a.ProviderId == providerId, ct)) return PersonReader.ChosenProvider;
        }
        return PersonReader.None;
    }

    /// <summary>The record, when the user may read it, with the read written to its access log; otherwise nothing (and nothing logged).</summary>
    public async Task<(SupportedPerson? Person, PersonReader Reader)> ReadAsync(Guid personId, ClaimsPrincipal user, string what, CancellationToken ct)
    {
        var person = await db.SupportedPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return (null, PersonReader.None);
        var reader = await ReaderOfAsync(user, person, ct);
        if (reader == PersonReader.None) return (null, PersonReader.None);
        await LogAsync(person.Id, user, reader, what, ct);
        return (person, reader);
    }

    /// <summary>Writes one read to the person's access log.</summary>
    public async Task LogAsync(Guid personId, ClaimsPrincipal user, PersonReader reader, string what, CancellationToken ct)
    {
        db.PersonRecordReads.Add(new PersonRecordRead(personId, user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayNameOf(), Describe(reader), what, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public static string Describe(PersonReader reader) => reader switch
    {
        PersonReader.Person => "you",
        PersonReader.Representative => "your representative",
        PersonReader.Practitioner => "your practitioner",
        PersonReader.ChosenProvider => "the provider you chose",
        _ => "nobody",
    };

    /// <summary>May the reader post requests and choose offers for the person?</summary>
    public static bool MayChoose(PersonReader reader, SupportedPerson person) =>
        reader is PersonReader.Person or PersonReader.Practitioner || (reader == PersonReader.Representative && person.RepresentativeMayChoose);
}
