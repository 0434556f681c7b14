using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// <c>/tendering</c>: the commissioner's published opportunities with their deadlines, unanswered questions, open tasks
/// from the process engine and responses received; links back to the authority's opportunities (drafts, publishing).
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class TenderingIndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(Opportunity Opportunity, int Unanswered, int Submitted, bool Opened, bool HasQuestionnaire)
    {
        public int OpenTasks { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? AuthorityCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf() ?? Guid.Empty;
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.AuthorityId == authorityId && o.Status != OpportunityStatus.Draft)
            .OrderBy(o => o.SubmissionDeadline).ToListAsync(ct);
        var ids = opportunities.Select(o => o.Id).ToList();
        var unanswered = await db.Clarifications.Where(c => ids.Contains(c.OpportunityId) && c.Visibility == ClarificationVisibility.Unanswered)
            .GroupBy(c => c.OpportunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var submitted = await db.TenderResponses.Where(r => ids.Contains(r.OpportunityId) && r.Status == ResponseStatus.Submitted)
            .GroupBy(r => r.OpportunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var opened = await db.ResponseOpenings.Where(o => ids.Contains(o.OpportunityId) && o.SecondOpenedAt != null).Select(o => o.OpportunityId).ToListAsync(ct);
        var withQuestionnaire = await db.Questionnaires.Where(q => ids.Contains(q.OpportunityId)).Select(q => q.OpportunityId).ToListAsync(ct);
        var tasks = await Opportunities.OpportunityProcess.OpenTaskCountsAsync(db, authorityId, ids, ct);
        AuthorityCode = User.AuthorityCodeOf();
        Rows = opportunities.Select(o => new Row(o, unanswered.GetValueOrDefault(o.Id), submitted.GetValueOrDefault(o.Id), opened.Contains(o.Id), withQuestionnaire.Contains(o.Id))
        {
            OpenTasks = tasks.GetValueOrDefault(o.Id),
        }).ToList();
    }
}

/// <summary>
/// <c>/tendering/{id}</c>: one opportunity's tendering workspace — counts, and the questionnaire builder (sections,
/// questions, price schedule, required documents, the short form's value), each form one use case of <see cref="BuildQuestionnaire"/>.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class WorkspaceModel(PortalDbContext db, BuildQuestionnaire build, TimeProvider clock) : PageModel
{
    public sealed class SectionForm { public string? Title { get; set; } }

    public sealed class QuestionForm
    {
        public string? SectionId { get; set; }
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public string? Guidance { get; set; }
        public string? WordLimit { get; set; }
        public string? Weight { get; set; }
        public string? ScaleMax { get; set; }
        public string? ProvedBy { get; set; }
        public bool InShortForm { get; set; }
    }

    public sealed class PriceForm
    {
        public string? LotId { get; set; }
        public string? Description { get; set; }
        public string? Unit { get; set; }
    }

    public sealed class DocumentForm
    {
        public string? Title { get; set; }
        public string? Guidance { get; set; }
        public bool InShortForm { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public SectionForm S { get; set; } = new();
    [BindProperty] public QuestionForm Q { get; set; } = new();
    [BindProperty] public PriceForm P { get; set; } = new();
    [BindProperty] public DocumentForm D { get; set; } = new();
    [BindProperty] public string? ShortFormBelow { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public Questionnaire? Questionnaire { get; private set; }
    public int Unanswered { get; private set; }
    public int Submitted { get; private set; }
    public bool DeadlinePassed { get; private set; }
    public int OpenTasks { get; private set; }
    public string AuthorityCode { get; private set; } = "";

    public static IEnumerable<(string, string)> PassportChoices =>
        Enum.GetValues<PassportItemKind>().Where(k => k != PassportItemKind.Reference).Select(k => (k.ToString(), TenderingPages.Passport(k)));

    public static IEnumerable<(string, string)> UnitChoices => Enum.GetValues<PriceUnit>().Select(u => (u.ToString(), TenderingPages.Unit(u)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ShortFormBelow = Questionnaire?.ShortFormBelowPence is { } p ? (p / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : null;
        return Page();
    }

    public Task<IActionResult> OnPostSectionAsync(CancellationToken ct) =>
        DoneAsync(build.AddSectionAsync(Id, S.Title, Actor.Of(User), ct), "S.", "Section added.", ct);

    public Task<IActionResult> OnPostQuestionAsync(CancellationToken ct) =>
        DoneAsync(build.AddQuestionAsync(Id, new BuildQuestionnaire.QuestionInput(Q.SectionId, Q.Kind, Q.Text, Q.Guidance, Q.WordLimit, Q.Weight, Q.ScaleMax, Q.ProvedBy, Q.InShortForm),
            Actor.Of(User), ct), "Q.", "Question added.", ct);

    public Task<IActionResult> OnPostPriceAsync(CancellationToken ct) =>
        DoneAsync(build.AddPriceLineAsync(Id, P.LotId, P.Description, P.Unit, Actor.Of(User), ct), "P.", "Price line added.", ct);

    public Task<IActionResult> OnPostDocumentAsync(CancellationToken ct) =>
        DoneAsync(build.AddDocumentAsync(Id, D.Title, D.Guidance, D.InShortForm, Actor.Of(User), ct), "D.", "Required document added.", ct);

    public Task<IActionResult> OnPostShortFormAsync(CancellationToken ct) =>
        DoneAsync(build.SetShortFormAsync(Id, ShortFormBelow, Actor.Of(User), ct), "", "Short-form value saved.", ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid questionId, CancellationToken ct) =>
        DoneAsync(build.RemoveQuestionAsync(Id, questionId, Actor.Of(User), ct), "", "Question removed.", ct);

    private async Task<IActionResult> DoneAsync(Task<UseCaseResult<Questionnaire>> change, string prefix, string message, CancellationToken ct)
    {
        var result = await change;
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = message;
            return Redirect($"/tendering/{Id}");
        }
        if (!await LoadAsync(ct)) return NotFound();
        result.AddTo(ModelState, prefix);
        Response.StatusCode = result.Outcome == UseCaseOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        Questionnaire = await db.Questionnaires.AsNoTracking().AsSplitQuery().Include(q => q.Sections).Include(q => q.Questions).Include(q => q.PriceLines).Include(q => q.Documents)
            .FirstOrDefaultAsync(q => q.OpportunityId == Id, ct);
        Unanswered = await db.Clarifications.CountAsync(c => c.OpportunityId == Id && c.Visibility == ClarificationVisibility.Unanswered, ct);
        Submitted = await db.TenderResponses.CountAsync(r => r.OpportunityId == Id && r.Status == ResponseStatus.Submitted, ct);
        DeadlinePassed = opportunity.SubmissionDeadline is not { } d || clock.GetUtcNow() > d;
        OpenTasks = (await Opportunities.OpportunityProcess.OpenTaskCountsAsync(db, opportunity.AuthorityId, [Id], ct)).GetValueOrDefault(Id);
        AuthorityCode = User.AuthorityCodeOf() ?? "";
        return true;
    }
}
