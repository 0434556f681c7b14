using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// A person's record: outcomes, needs, locality, the indicative budget and when it was told, options,
/// representative, requests and who has read it. Only those <see cref="PersonRecordAccess"/> allows;
/// for anyone else it does not exist (404). Every read is logged.
/// </summary>
[Authorize]
public sealed class RecordModel(PortalDbContext db, PersonRecordAccess access) : PageModel
{
    public SupportedPerson Person { get; private set; } = null!;
    public PersonReader Reader { get; private set; }
    public string? Locality { get; private set; }
    public IReadOnlyList<SupportRequest> Requests { get; private set; } = [];
    public IReadOnlyList<PersonRecordRead> Reads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (person, reader) = await access.ReadAsync(id, User, "the person's record", ct);
        if (person is null) return NotFound();
        (Person, Reader) = (person, reader);
        Locality = await db.Localities.AsNoTracking().Where(l => l.Id == person.LocalityId).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (reader != PersonReader.ChosenProvider)
        {
            Requests = await db.SupportRequests.AsNoTracking().Where(r => r.SupportedPersonId == id).OrderByDescending(r => r.PostedAt).ToListAsync(ct);
            Reads = await db.PersonRecordReads.AsNoTracking().Where(r => r.SupportedPersonId == id).OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        }
        return Page();
    }
}
