using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Reference;

namespace CommissioningPortal.Web.Features.People;

/// <summary>A practitioner makes a person's record after assessment (<see cref="CreatePersonRecord"/>).</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class NewPersonModel(PortalDbContext db, CreatePersonRecord create) : PageModel
{
    public sealed class ChoiceRow
    {
        public string? SupportType { get; set; }
        public int? Option { get; set; }
    }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? PersonEmail { get; set; }
    [BindProperty] public string? Outcomes { get; set; }
    [BindProperty] public string? SupportNeeds { get; set; }
    [BindProperty] public Guid? LocalityId { get; set; }
    [BindProperty] public decimal? WeeklyBudget { get; set; }
    [BindProperty] public BudgetSetting? BudgetSetBy { get; set; }
    [BindProperty] public string? BudgetSetDetail { get; set; }
    [BindProperty] public string? BudgetToldOn { get; set; }
    [BindProperty] public string? BudgetToldHow { get; set; }
    [BindProperty] public string? OptionsDiscussedOn { get; set; }
    [BindProperty] public List<ChoiceRow> Choices { get; set; } = [];
    [BindProperty] public BudgetHolderKind? BudgetHolderKind { get; set; }
    [BindProperty] public string? BudgetHolderName { get; set; }
    [BindProperty] public string? RepresentativeName { get; set; }
    [BindProperty] public string? RepresentativeRelationship { get; set; }
    [BindProperty] public string? RepresentativeEmail { get; set; }
    [BindProperty] public bool RepresentativeMaySign { get; set; }
    [BindProperty] public bool RepresentativeMayChoose { get; set; } = true;

    public IReadOnlyList<(string Value, string Text)> Localities { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> SupportTypes { get; private set; } = [];

    public static readonly (string Value, string Text)[] OptionChoices =
        [("1", "Option 1: a direct payment"), ("2", "Option 2: an Individual Service Fund"), ("3", "Option 3: the council arranges it")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        BudgetSetBy = BudgetSetting.ResourceAllocationSystem;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return this.Refused(UseCaseResult<Guid>.Invalid(Requests.FormNumbers.Messages(ModelState)));
        var result = await create.HandleAsync(new CreatePersonRecord.Input(Name, Address, PersonEmail, Outcomes, SupportNeeds, LocalityId,
            WeeklyBudget, BudgetSetBy, BudgetSetDetail, BudgetToldOn, BudgetToldHow, OptionsDiscussedOn,
            Choices.Select(c => new CreatePersonRecord.Choice(c.SupportType, c.Option)).ToList(), BudgetHolderKind, BudgetHolderName,
            RepresentativeName, RepresentativeRelationship, RepresentativeEmail, RepresentativeMaySign, RepresentativeMayChoose), Actor.Of(User), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"{Name!.Trim()}'s record is made. You are their allocated practitioner.";
        return Redirect($"/people/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf();
        Localities = (await db.Localities.AsNoTracking().Where(l => l.AuthorityId == authorityId).OrderBy(l => l.Name).ToListAsync(ct))
            .Select(l => (l.Id.ToString(), l.Name)).ToList();
        SupportTypes = await SupportTypeChoicesAsync(db, ct);
        while (Choices.Count < 3) Choices.Add(new ChoiceRow());
    }

    public static async Task<IReadOnlyList<(string Value, string Text)>> SupportTypeChoicesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.SupportType).OrderBy(t => t.SortOrder).ThenBy(t => t.Label).ToListAsync(ct))
            .Select(t => (t.Code, t.Label)).ToList();

    public static async Task<IReadOnlyList<(string Value, string Text)>> ClientGroupChoicesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).ThenBy(t => t.Label).ToListAsync(ct))
            .Select(t => (t.Code, t.Label)).ToList();
}
