using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/{id}/call-offs</c>: packages called off from the framework (and as CSV), and calling off a new one.</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class CallOffListModel(PortalDbContext db, CallOffs callOffs, TimeProvider clock) : PageModel
{
    public sealed record Row(CallOff CallOff, int LotNumber, string? Chosen);

    [BindProperty] public string? LotId { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? PersonId { get; set; }
    [BindProperty] public string? PackageSummary { get; set; }
    [BindProperty] public string? HoursPerWeek { get; set; }
    [BindProperty] public string? StartOn { get; set; }
    [BindProperty] public string? OffersDueOn { get; set; }
    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public string? Rule { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string, string)> LotChoices { get; private set; } = [];
    public IReadOnlyList<(string, string)> People { get; private set; } = [];
    public IReadOnlyList<(string, string)> Members { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(Csv.Bytes(["Call-off", "Lot", "Method", "Rule", "Status", "Starts on", "Hours a week", "Providers invited", "Offers", "Provider chosen", "Price", "Reason", "Decided on"], Rows,
            r => [$"{Framework.Reference}/C{r.CallOff.Number}", r.LotNumber, CallOff.MethodDisplayName(r.CallOff.Method), r.CallOff.Rule is { } rule ? CallOff.RuleDisplayName(rule) : null,
                  CallOff.StatusDisplayName(r.CallOff.Status), r.CallOff.StartOn.ToString("yyyy-MM-dd"), r.CallOff.HoursPerWeek, r.CallOff.InvitedProviderIds.Count, r.CallOff.Offers.Count,
                  r.Chosen, r.CallOff.PricePence is null ? null : r.CallOff.PriceText, r.CallOff.DecisionReason, r.CallOff.DecidedAt?.ToString("yyyy-MM-dd")]),
            Csv.ContentType, $"framework-{Framework.Reference}-call-offs.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await callOffs.CreateAsync(new CallOffs.NewInput(id, LotId, Method, PersonId, PackageSummary, HoursPerWeek, StartOn, OffersDueOn, MemberId, Rule, Reason), Actor.Of(User), ct);
        if (!result.Succeeded) return await LoadAsync(id, ct) ? this.Refused(result) : NotFound();
        var c = result.Value!;
        TempData["StatusMessage"] = c.Method == CallOffMethod.DirectAward
            ? $"Call-off {c.Number} awarded directly at {c.PriceText}. Draft the agreement next."
            : $"Call-off {c.Number} sent to the lot's {c.InvitedProviderIds.Count} admitted providers; offers are due by {c.OffersDueOn:d MMMM yyyy}.";
        return Redirect($"/frameworks/{id}/call-offs/{c.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var framework = await db.Mine(User).AsNoTracking().Include(f => f.Lots.OrderBy(l => l.Number)).ThenInclude(l => l.Members).ThenInclude(m => m.Rates)
            .AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null) return false;
        Framework = framework;
        var rows = await db.CallOffs.AsNoTracking().Include(c => c.Offers).Where(c => c.FrameworkId == id).OrderByDescending(c => c.Number).ToListAsync(ct);
        var providerIds = framework.Lots.SelectMany(l => l.Members).Select(m => m.ProviderId).Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lots = framework.Lots.ToDictionary(l => l.Id, l => l.Number);
        Rows = rows.Select(c => new Row(c, lots.GetValueOrDefault(c.LotId), c.ChosenProviderId is { } p ? names.GetValueOrDefault(p) : null)).ToList();
        LotChoices = framework.Lots.Select(l => (l.Id.ToString(), l.Name)).ToList();
        People = [("", "Choose"), .. (await db.SupportedPeople.AsNoTracking().Where(p => p.AuthorityId == framework.AuthorityId).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).Take(500).ToListAsync(ct))
            .Select(p => (p.Id.ToString(), p.Name))];
        Members = [("", "Choose (direct award only)"), .. framework.Lots.SelectMany(l => l.Members.Where(m => m.Status == LotMemberStatus.Admitted && m.AdmittedOn <= Today)
            .Select(m => (m.Id.ToString(), $"Lot {l.Number}: {names.GetValueOrDefault(m.ProviderId, "A provider")} ({m.RateTextOn(Today)} today)")))];
        return true;
    }
}
