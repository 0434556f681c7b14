using CommissioningPortal.Web.Features.ProviderDirectory;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// A supported person's (or representative's) home: their agreements, and which wait for them. The
/// person links their representative's portal account here, saying whether they may sign for them.
/// </summary>
[Authorize(Policy = Policies.Person)]
public sealed class MySupportModel(PortalDbContext db, PersonRecordAccess access, DirectorySearch directory) : PageModel
{
    /// <summary>The person's record (the newest one the user is the person or representative on), when a practitioner has made one.</summary>
    public Domain.People.SupportedPerson? Record { get; private set; }

    public PersonReader Reader { get; private set; }
    public IReadOnlyList<Domain.People.SupportRequest> Requests { get; private set; } = [];
    public IReadOnlyList<Domain.People.PersonRecordRead> Reads { get; private set; } = [];

    /// <summary>Shows the easy-read version of the four options (short sentences, one idea a line, pictures).</summary>
    [BindProperty(SupportsGet = true, Name = "easy-read")] public bool EasyRead { get; set; }

    /// <summary>Which of the user's records to show (a parent may act for two children); the newest with a budget when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "person")] public Guid? Person { get; set; }

    /// <summary>The user's other records (the people they also act for, or their own), to switch to.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Others { get; private set; } = [];

    public sealed record AgreementRow(Guid Id, string Reference, string Provider, bool WaitingForYou);

    /// <summary>The representative linked to the person's record, if any.</summary>
    public sealed record LinkedRepresentative(string Name, bool MaySign, string? LinkedBy, DateTimeOffset? LinkedAt);

    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    /// <summary>The directory already filtered by the person's locality and, for each support type they chose an option for, by that type.</summary>
    public IReadOnlyList<(string Label, string Href)> DirectoryLinks { get; private set; } = [];

    /// <summary>Whether the user is the supported person on at least one record (so may link a representative).</summary>
    public bool IsThePerson { get; private set; }

    public LinkedRepresentative? Representative { get; private set; }

    [BindProperty, Required(ErrorMessage = "Enter your representative's portal e-mail address"),
     EmailAddress(ErrorMessage = "Enter your representative's e-mail address like name@example.com"),
     StringLength(256, ErrorMessage = "Your representative's e-mail address must be 256 characters or fewer")]
    public string? RepresentativeEmail { get; set; }

    [BindProperty] public bool MaySign { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var userId = UserId;
        var records = await db.SupportedPeople.AsNoTracking().Where(p => p.UserId == userId || p.RepresentativeUserId == userId)
            .OrderByDescending(p => p.WeeklyBudget != null).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var record = records.FirstOrDefault(p => p.Id == Person) ?? records.FirstOrDefault();
        if (record is null) return;
        Others = records.Where(p => p.Id != record.Id).Select(p => (p.Id, p.Name)).ToList();
        var (read, reader) = await access.ReadAsync(record.Id, User, "the budget, options and requests (My support)", ct);
        if (read is null) return;
        (Record, Reader) = (read, reader);
        Requests = await db.SupportRequests.AsNoTracking().Where(r => r.SupportedPersonId == read.Id).OrderByDescending(r => r.PostedAt).ToListAsync(ct);
        Reads = await db.PersonRecordReads.AsNoTracking().Where(r => r.SupportedPersonId == read.Id).OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        DirectoryLinks = DirectoryLinksFor(read, await directory.ReferenceAsync(ct));
    }

    private static List<(string Label, string Href)> DirectoryLinksFor(Domain.People.SupportedPerson record, DirectoryReference reference)
    {
        var locality = record.LocalityId is { } id ? reference.LocalityById(id) : null;
        var near = locality is null ? "" : $"locality={locality.Id}&";
        var links = record.Choices.Select(c => c.SupportType).Distinct()
            .Select(type => ($"Find providers of {reference.Label(ReferenceSchemes.SupportType, type).ToLowerInvariant()}{(locality is null ? "" : " in " + locality.Name)}",
                $"/directory?{near}supportType={Uri.EscapeDataString(type)}"))
            .ToList();
        links.Add((locality is null ? "Find providers" : $"All providers in {locality.Name}", locality is null ? "/directory" : $"/directory?locality={locality.Id}"));
        return links;
    }

    /// <summary>Links the representative's account to the person's records, as they say (may they sign or not): the <see cref="LinkRepresentative"/> use case.</summary>
    public async Task<IActionResult> OnPostLinkAsync([FromServices] LinkRepresentative link, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!IsThePerson) return StatusCode(StatusCodes.Status403Forbidden);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await link.HandleAsync(new LinkRepresentative.Input(RepresentativeEmail, MaySign), Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["StatusMessage"] = $"{result.Value} is linked as your representative{(MaySign ? " and may sign for you" : "; they can see your agreements but not sign them")}.";
        return Redirect("/my-support");
    }

    private string? UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = UserId;
        Agreements = await (from a in db.IsfAgreements.AsNoTracking()
                            join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                            join pr in db.Providers.AsNoTracking() on a.ProviderId equals pr.Id
                            join i in db.WorkflowInstances.AsNoTracking() on a.WorkflowInstanceId equals i.Id
                            where p.UserId == userId || p.RepresentativeUserId == userId
                            orderby a.CreatedAt descending
                            select new AgreementRow(a.Id, a.Reference, pr.Name, i.State == "offered")).ToListAsync(ct);
        var mine = await db.SupportedPeople.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.RepresentativeLinkedAt).ToListAsync(ct);
        IsThePerson = mine.Count > 0;
        if (mine.FirstOrDefault(p => p.RepresentativeUserId != null) is { } linked)
        {
            var name = await db.Users.Where(u => u.Id == linked.RepresentativeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            Representative = new LinkedRepresentative(name ?? "Your representative", linked.RepresentativeMaySign, linked.RepresentativeLinkedBy, linked.RepresentativeLinkedAt);
        }
    }
}
