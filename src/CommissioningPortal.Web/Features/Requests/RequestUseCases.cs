using System.Globalization;
using System.Security.Claims;
using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Web.Features.Email;
using CommissioningPortal.Web.Features.People;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>
/// The person, their representative or their practitioner posts an anonymised request; every
/// matching provider is told by e-mail in the same transaction. Nothing is saved unless all is well.
/// </summary>
public sealed class PostRequest(PortalDbContext db, PersonRecordAccess access, RequestMatching matching, IEmailOutbox outbox, PublicLinks links, TimeProvider clock)
{
    public sealed record Input(string? Outcomes, string? SupportType, string? ClientGroup, Guid? LocalityId, decimal? HoursPerWeek, decimal? WeeklyBudget,
        string? StartDate, string? Preferences, string? Language);

    public async Task<UseCaseResult<Guid>> HandleAsync(Guid personId, Input input, ClaimsPrincipal user, CancellationToken ct)
    {
        var person = await db.SupportedPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return UseCaseResult<Guid>.NotFound();
        var reader = await access.ReaderOfAsync(user, person, ct);
        if (!PersonRecordAccess.MayChoose(reader, person)) return UseCaseResult<Guid>.NotFound();

        var errors = new FieldErrors();
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(input.StartDate))
        {
            if (DateOnly.TryParseExact(input.StartDate.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) start = d;
            else errors.Add(nameof(Input.StartDate), "Enter a real date, like 2027-01-04");
        }
        var localityOk = input.LocalityId is { } lid && await db.Localities.AnyAsync(l => l.Id == lid && l.AuthorityId == person.AuthorityId, ct);
        var details = new SupportRequest.Details(input.Outcomes, input.SupportType, input.ClientGroup, localityOk ? input.LocalityId : null, input.HoursPerWeek, input.WeeklyBudget,
            start, input.Preferences, input.Language);
        foreach (var (field, message) in SupportRequest.Problems(details, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            if (!errors.Has(field)) errors.Add(field, message);
        }
        if (errors.Any) return errors.Invalid<Guid>();

        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == person.AuthorityId, ct);
        var count = await db.SupportRequests.CountAsync(r => r.AuthorityId == person.AuthorityId, ct);
        var reference = $"{authority.Code.ToUpperInvariant()[..Math.Min(3, authority.Code.Length)]}-REQ-{count + 1:0000}";
        var request = SupportRequest.Post(person, reference, details, $"{user.DisplayNameOf()} ({PersonRecordAccess.Describe(reader).Replace("your ", "", StringComparison.Ordinal).Replace("you", "the person", StringComparison.Ordinal)})", clock.GetUtcNow());
        db.SupportRequests.Add(request);
        // Matching providers are told, with nothing that names the person.
        var candidates = await matching.RankedCandidatesAsync(request, ct);
        var ids = candidates.Select(c => c.ProviderId).ToList();
        var emails = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id) && p.ContactEmail != null).Select(p => new { p.Name, p.ContactEmail }).ToListAsync(ct);
        foreach (var p in emails)
        {
            outbox.Enqueue(new EmailMessage(p.ContactEmail!, p.Name, $"A request for support you could offer for: {reference}",
                $"A person in {authority.Name} is looking for support that your services match.\n\nWhat they want to achieve:\n{request.Outcomes}\n\nRead the request and offer: {links.To($"/requests/{request.Id}")}\n\nYou will not see who the person is unless they choose you.", null, "support-request"));
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Guid>.Done(request.Id);
    }
}

/// <summary>A matching provider offers for an open request. A negative price or a start in the past is refused, naming the field; nothing is half-saved.</summary>
public sealed class MakeOffer(PortalDbContext db, RequestMatching matching, TimeProvider clock)
{
    public sealed record Input(string? StartDate, string? HowOutcomesMet, decimal? Price, OfferPriceUnit? PriceUnit, decimal? HoursPerWeek);

    public async Task<UseCaseResult<Guid>> HandleAsync(Guid requestId, Input input, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<Guid>.NotFound();
        var request = await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !await matching.MatchesAsync(request, providerId, ct)) return UseCaseResult<Guid>.NotFound();
        if (!request.OpenForOffers) return UseCaseResult<Guid>.Invalid(FieldError.Form, "This request is no longer open for offers. Nothing was saved.");
        if (request.Offers.Any(o => o.ProviderId == providerId)) return UseCaseResult<Guid>.Invalid(FieldError.Form, "You have already offered for this request. Nothing was saved.");
        var errors = new FieldErrors();
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(input.StartDate))
        {
            if (DateOnly.TryParseExact(input.StartDate.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) start = d;
            else errors.Add(nameof(Input.StartDate), "Enter a real date, like 2027-01-04");
        }
        if (input.PriceUnit is null) errors.Add(nameof(Input.PriceUnit), "Choose what the price is for");
        var details = new SupportOffer.Details(start, input.HowOutcomesMet, input.Price, input.PriceUnit ?? OfferPriceUnit.PerHour, input.HoursPerWeek);
        foreach (var (field, message) in SupportOffer.Problems(details, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            if (!errors.Has(field)) errors.Add(field, message);
        }
        if (errors.Any) return errors.Invalid<Guid>();
        var offer = request.Offer(providerId, details, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Guid>.Done(offer.Id);
    }
}

/// <summary>
/// The person (or their representative or practitioner) chooses an offer. A provider on the
/// authority's framework, or approved off it before, stands at once; any other starts the
/// off-framework-approval process, with every check its kind needs that its verified passport
/// already proves recorded as passed (what a passport proves is never asked again). One transaction.
/// </summary>
public sealed class ChooseOffer(PortalDbContext db, PersonRecordAccess access, RequestMatching matching, WorkflowRuntime runtime, TimeProvider clock)
{
    public const string ApprovalProcess = "off-framework-approval";

    public async Task<UseCaseResult<bool>> HandleAsync(Guid requestId, Guid? offerId, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return UseCaseResult<bool>.NotFound();
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == request.SupportedPersonId, ct);
        var reader = await access.ReaderOfAsync(user, person, ct);
        if (reader == PersonReader.None) return UseCaseResult<bool>.NotFound();
        if (!PersonRecordAccess.MayChoose(reader, person)) return UseCaseResult<bool>.Invalid(FieldError.Form, "You may see this request but not choose for the person. Nothing was changed.");
        if (!request.OpenForOffers) return UseCaseResult<bool>.Invalid(FieldError.Form, "A choice has already been made for this request. Nothing was changed.");
        var offer = request.Offers.FirstOrDefault(o => o.Id == offerId);
        if (offer is null) return UseCaseResult<bool>.Invalid("OfferId", "Choose one of the offers");
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == offer.ProviderId, ct);
        var needsApproval = !(await matching.OnFrameworkAsync(request.AuthorityId, [provider.Id], ct)).Contains(provider.Id)
                            && !await matching.ApprovedBeforeAsync(request.AuthorityId, provider.Id, ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Guid? instanceId = null;
        if (needsApproval)
        {
            // The decision is due within the authority's own target, counted from the choice.
            var targetDays = await db.Authorities.AsNoTracking().Where(a => a.Id == request.AuthorityId).Select(a => a.ApprovalTargetDays).SingleAsync(ct);
            var instance = await runtime.StartAsync(ApprovalProcess, $"Off-framework approval: {provider.Name} for request {request.Reference}", request.AuthorityId,
                new Dictionary<string, object?> { ["request"] = request.Reference, ["decisionDueAt"] = now.AddDays(targetDays) }, ProcessAccess.ActorOf(user), ct, businessKey: $"choice:{request.Id}:{offer.Id}");
            var approval = new OffFrameworkApproval(instance.Id, provider.Id, provider.Kind, now);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var proved = (await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == provider.Id).ToListAsync(ct)).Where(i => i.IsValidOn(today)).Select(i => i.Kind).ToHashSet();
            foreach (var kind in OffFrameworkApproval.RequiredChecks(provider.Kind).Where(proved.Contains))
                approval.RecordCheck(kind, true, "Proved by the provider's verified passport", "The portal (verified passport)", now);
            db.OffFrameworkApprovals.Add(approval);
            instanceId = instance.Id;
        }
        request.Choose(offer.Id, needsApproval, instanceId, $"{user.DisplayNameOf()} ({PersonRecordAccess.Describe(reader)})", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<bool>.Done(needsApproval);
    }
}
