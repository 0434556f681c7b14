using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>An alliance's shared budget with its pain/gain share rule, the outturn, and the annual review report.</summary>
[Authorize]
public sealed class BudgetModel(PortalDbContext db, PartnershipAccess access, AllianceBudgets budgets) : PageModel
{
    public Workspace W { get; private set; } = null!;
    public IReadOnlyList<AllianceBudget> Budgets { get; private set; } = [];
    public IReadOnlyList<AllianceMember> Team { get; private set; } = [];

    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Budget { get; set; }
    [BindProperty] public string? Rule { get; set; }
    [BindProperty] public string? Outturn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var shares = Team.ToDictionary(m => m.Id, m => (string?)Request.Form[$"Share_{m.Id}"].ToString());
        var result = await budgets.AddAsync(W, new AllianceBudgets.BudgetInput(Year, Budget, Rule, shares), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"Shared budget {result.Value!.Year} recorded with its pain/gain share rule.";
        return Redirect(W.Link("/budget"));
    }

    public async Task<IActionResult> OnPostOutturnAsync(Guid id, Guid budgetId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await budgets.RecordOutturnAsync(W, budgetId, Outturn, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "Outturn recorded: the annual review report shows each member's share.";
        return Redirect(W.Link("/budget"));
    }

    public async Task<IActionResult> OnGetReviewAsync(Guid id, Guid budgetId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Budgets.FirstOrDefault(b => b.Id == budgetId) is not { } budget) return NotFound();
        var pdf = await budgets.ReviewReportAsync(W, budget, ct);
        Response.Headers.ContentDisposition = $"inline; filename=\"{RegistersModel.Slug(W.Partnership.Name)}-annual-review.pdf\"";
        return File(pdf, "application/pdf");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await access.LoadAsync(id, User, ct) is not { } w || !w.IsAlliance) return false;
        W = w;
        Team = await budgets.TeamAsync(w, ct);
        Budgets = (await db.AllianceBudgets.AsNoTracking().Where(b => b.PartnershipId == id).ToListAsync(ct)).OrderBy(b => b.Year).ToList();
        return true;
    }
}
