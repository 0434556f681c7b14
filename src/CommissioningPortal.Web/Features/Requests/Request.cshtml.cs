using CommissioningPortal.Domain.Evaluations;
using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Web.Features.People;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>
/// One request. The person, their representative and their practitioner see the offers side by side,
/// best fit first, with off-framework offers labelled, and choose; while an off-framework choice waits
/// for approval they see the date the decision is due, then the decision with its reasons. A matching
/// provider sees only the anonymised request and offers. For anyone else it does not exist (404).
/// </summary>
[Authorize]
public sealed class RequestModel(PortalDbContext db, PersonRecordAccess access, RequestMatching matching) : PageModel
{
    public SupportRequest TheRequest { get; private set; } = null!;
    public PersonReader Reader { get; private set; }
    public SupportedPerson? Person { get; private set; }
    public string AuthorityName { get; private set; } = "";
    public int OfferTargetDays { get; private set; }
    public string? Locality { get; private set; }
    public IReadOnlyList<RankedOffer> Offers { get; private set; } = [];

    /// <summary>The authority's sustainable price floors (issue 16), to flag an offer below the one in effect on its start date.</summary>
    private IReadOnlyList<SustainablePriceFloor> _floors = [];

    /// <summary>
    /// The floor an hourly offer (or a weekly one with its hours) is below, in pence an hour, or null: flagged to the
    /// practitioner, since a price under the Real Living Wage and on-costs is rarely one a provider can keep paying.
    /// </summary>
    public (long FloorPence, decimal Hourly, DateOnly From)? BelowFloor(SupportOffer offer)
    {
        decimal? hourly = offer.PriceUnit switch
        {
            OfferPriceUnit.PerHour => offer.Price,
            OfferPriceUnit.PerWeek when offer.HoursPerWeek is > 0 => decimal.Round(offer.Price / offer.HoursPerWeek.Value, 2),
            _ => null,
        };
        if (hourly is null || SustainablePriceFloor.InEffect(_floors, offer.StartDate) is not { } floor) return null;
        return hourly.Value * 100 < floor.FloorPencePerHour ? (floor.FloorPencePerHour, hourly.Value, floor.EffectiveFrom) : null;
    }

    /// <summary>For a provider: its own offer, when it made one.</summary>
    public SupportOffer? MyOffer { get; private set; }

    public bool IsProviderView => Reader == PersonReader.None;
    public bool MayChoose => Person is not null && PersonRecordAccess.MayChoose(Reader, Person) && TheRequest.OpenForOffers;

    /// <summary>The off-framework approval: where it stands, when the decision is due, the decision and its reasons.</summary>
    public sealed record ApprovalView(string State, DateTimeOffset? DueAt, string? Decision, string? Reasons, DateTimeOffset? DecidedAt, string Provider);

    public ApprovalView? Approval { get; private set; }

    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? HowOutcomesMet { get; set; }
    [BindProperty] public decimal? Price { get; set; }
    [BindProperty] public OfferPriceUnit? PriceUnit { get; set; }
    [BindProperty] public decimal? HoursPerWeek { get; set; }
    [BindProperty] public Guid? OfferId { get; set; }

    public static readonly (string Value, string Text)[] UnitChoices =
        [("PerHour", "An hour"), ("PerWeek", "A week"), ("PerOutcome", "For the outcomes (an outcome-based price)"), ("Block", "A block amount")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, log: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOfferAsync(Guid id, [FromServices] MakeOffer make, CancellationToken ct)
    {
        if (!await LoadAsync(id, log: false, ct) || !IsProviderView) return NotFound();
        if (!ModelState.IsValid) return this.Refused(UseCaseResult<Guid>.Invalid(FormNumbers.Messages(ModelState)));
        var result = await make.HandleAsync(id, new MakeOffer.Input(StartDate, HowOutcomesMet, Price, PriceUnit, HoursPerWeek), Actor.Of(User), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = "Your offer is sent. The person compares the offers and chooses; we will tell you if they choose you.";
        return Redirect($"/requests/{id}");
    }

    public async Task<IActionResult> OnPostChooseAsync(Guid id, [FromServices] ChooseOffer choose, CancellationToken ct)
    {
        if (!await LoadAsync(id, log: false, ct) || IsProviderView) return NotFound();
        var result = await choose.HandleAsync(id, OfferId, User, ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = result.Value
            ? "Your choice is recorded. The provider is not on the council's framework, so the council checks them first (a quick, proportionate check). You will see the decision here."
            : "Your choice is recorded. Your practitioner will now draft the agreement with you and the provider.";
        return Redirect($"/requests/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, bool log, CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return false;
        TheRequest = request;
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == request.SupportedPersonId, ct);
        var reader = await access.ReaderOfAsync(User, person, ct);
        // The chosen provider reads the request as a provider does; it reads the person's record on the record's own page.
        if (reader == PersonReader.ChosenProvider) reader = PersonReader.None;
        Reader = reader;
        if (reader == PersonReader.None)
        {
            // A provider: only one whose services match the request (or who offered) sees it, anonymised.
            if (!User.IsInRole(Roles.ProviderUser) || User.ProviderIdOf() is not { } providerId) return false;
            MyOffer = request.Offers.FirstOrDefault(o => o.ProviderId == providerId);
            if (MyOffer is null && !await matching.MatchesAsync(request, providerId, ct)) return false;
        }
        else
        {
            Person = person;
            Offers = await matching.RankOffersAsync(request, ct);
            if (reader == PersonReader.Practitioner)
            {
                _floors = await db.SustainablePriceFloors.AsNoTracking().Where(f => f.AuthorityId == request.AuthorityId).ToListAsync(ct);
            }
            if (log) await access.LogAsync(person.Id, User, reader, $"request {request.Reference} and its offers", ct);
            if (request.ApprovalInstanceId is { } instanceId) Approval = await ApprovalAsync(instanceId, ct);
        }
        (AuthorityName, OfferTargetDays) = await db.Authorities.AsNoTracking().Where(a => a.Id == request.AuthorityId)
            .Select(a => new ValueTuple<string, int>(a.Name, a.OfferTargetDays)).SingleAsync(ct);
        Locality = await db.Localities.AsNoTracking().Where(l => l.Id == request.LocalityId).Select(l => l.Name).FirstOrDefaultAsync(ct);
        return true;
    }

    private async Task<ApprovalView?> ApprovalAsync(Guid instanceId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return null;
        var approval = await db.OffFrameworkApprovals.AsNoTracking().SingleAsync(a => a.InstanceId == instanceId, ct);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == approval.ProviderId).Select(p => p.Name).SingleAsync(ct);
        var due = await OffFrameworkApprovals.ApprovalProgress.DueAtAsync(db, instanceId, ct);
        var decision = await OffFrameworkApprovals.ApprovalProgress.DecisionAsync(db, instanceId, ct);
        return new ApprovalView(instance.State, due, decision?.Trigger, decision?.Comment, decision?.At, provider);
    }
}
