using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/rounds</c>: a framework's admission rounds (and as CSV), opening the next and closing the open one.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class RoundsModel(PortalDbContext db, OpenRound open, CloseRound close) : PageModel
{
    public sealed record Row(FrameworkRound Round, int Admitted, int Revised, string? Opportunity);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public string? OpportunityId { get; set; }

    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string, string)> Opportunities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(Csv.Bytes(["Round", "Title", "Opens on", "Closes on", "Status", "New entrants admitted", "Revised prices", "Opportunity"], Rows,
            r => [r.Round.Number, r.Round.Title, r.Round.OpensOn.ToString("yyyy-MM-dd"), r.Round.ClosesOn.ToString("yyyy-MM-dd"), r.Round.IsOpen ? "Open" : "Closed",
                  r.Admitted, r.Revised, r.Opportunity]),
            Csv.ContentType, $"framework-{Framework.Reference}-rounds.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await open.HandleAsync(new OpenRound.Input(id, Title, ClosesOn, OpportunityId), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"{result.Value!.Name} is open until {result.Value.ClosesOn:d MMMM yyyy}.";
        return Redirect($"/frameworks/{id}/rounds");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid roundId, CancellationToken ct)
    {
        var result = await close.HandleAsync(id, roundId, Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"Round {result.Value!.Number} is closed.";
        return Redirect($"/frameworks/{id}/rounds");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var framework = await db.Mine(User).AsNoTracking().Include(f => f.Rounds).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        Framework = framework;
        var memberIds = db.LotMembers.Where(m => db.Lots.Any(l => l.Id == m.LotId && l.FrameworkId == id)).Select(m => m.Id);
        var admitted = await db.LotMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.AdmittedInRoundId != null)
            .GroupBy(m => m.AdmittedInRoundId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rates = await db.LotRates.AsNoTracking().Where(r => memberIds.Contains(r.LotMemberId) && r.RoundId != null)
            .GroupBy(r => r.RoundId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.AuthorityId == framework.AuthorityId && o.Kind == OpportunityKind.FlexibleFramework)
            .OrderBy(o => o.Title).Select(o => new { o.Id, o.Title }).ToListAsync(ct);
        var titles = opportunities.ToDictionary(o => o.Id, o => o.Title);
        Opportunities = [("", "None"), .. opportunities.Select(o => (o.Id.ToString(), o.Title))];
        // A revised price is a rate in the round for a member admitted earlier; an admission's own first rate is not one.
        Rows = framework.Rounds.OrderByDescending(r => r.Number).Select(r =>
        {
            var a = admitted.GetValueOrDefault(r.Id);
            return new Row(r, a, Math.Max(0, rates.GetValueOrDefault(r.Id) - a), r.OpportunityId is { } o ? titles.GetValueOrDefault(o) : null);
        }).ToList();
        return true;
    }
}
