using CommissioningPortal.Domain.People;
using CommissioningPortal.Web.Features.People;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>Posting a request for support for a person (<see cref="PostRequest"/>): by the person, their representative or their practitioner.</summary>
[Authorize]
public sealed class NewModel(PortalDbContext db, PersonRecordAccess access, PostRequest post) : PageModel
{
    [BindProperty] public string? Outcomes { get; set; }
    [BindProperty] public string? SupportType { get; set; }
    [BindProperty] public string? ClientGroup { get; set; }
    [BindProperty] public Guid? LocalityId { get; set; }
    [BindProperty] public decimal? HoursPerWeek { get; set; }
    [BindProperty] public decimal? WeeklyBudget { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? Preferences { get; set; }
    [BindProperty] public string? Language { get; set; }

    public SupportedPerson Person { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> Localities { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> SupportTypes { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> ClientGroups { get; private set; } = [];

    public static readonly (string Value, string Text)[] LanguageChoices = [("en", "English"), ("gd", "Gaelic"), ("pl", "Polish"), ("bsl", "British Sign Language")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Outcomes = Person.Outcomes;
        LocalityId = Person.LocalityId;
        WeeklyBudget = Person.WeeklyBudget;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return this.Refused(UseCaseResult<Guid>.Invalid(FormNumbers.Messages(ModelState)));
        var result = await post.HandleAsync(id, new PostRequest.Input(Outcomes, SupportType, ClientGroup, LocalityId, HoursPerWeek, WeeklyBudget, StartDate, Preferences, Language), User, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "Your request is posted. Providers whose services match it are told, without your name. Their offers will appear here.";
        return Redirect($"/requests/{result.Value}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await db.SupportedPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !PersonRecordAccess.MayChoose(await access.ReaderOfAsync(User, person, ct), person)) return false;
        Person = person;
        Localities = (await db.Localities.AsNoTracking().Where(l => l.AuthorityId == person.AuthorityId).OrderBy(l => l.Name).ToListAsync(ct)).Select(l => (l.Id.ToString(), l.Name)).ToList();
        SupportTypes = await NewPersonModel.SupportTypeChoicesAsync(db, ct);
        ClientGroups = await NewPersonModel.ClientGroupChoicesAsync(db, ct);
        return true;
    }
}
